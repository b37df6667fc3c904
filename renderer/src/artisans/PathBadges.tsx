import { Badge, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ArtisanSummary } from '@shared/artisans/records'

const RNA_COLOR: Record<ArtisanSummary['rnaStatus'], string> = {
  identified: 'gray',
  pending: 'yellow',
  submitted: 'blue',
  registered: 'teal',
  rejected: 'red',
}

/** Where the artisan stands, at a glance: RNA, social cover, bank. */
export function PathBadges({
  artisan,
}: {
  artisan: Pick<ArtisanSummary, 'rnaStatus' | 'coverStatus' | 'bankStatus'>
}) {
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap="wrap">
      <Badge size="sm" variant="light" color={RNA_COLOR[artisan.rnaStatus]}>
        {t(`enums.rnaStatus.${artisan.rnaStatus}`)}
      </Badge>
      {artisan.coverStatus !== 'none' && (
        <Badge
          size="sm"
          variant="light"
          color={artisan.coverStatus === 'amo_covered' ? 'teal' : 'cyan'}
        >
          {t(`enums.coverStatus.${artisan.coverStatus}`)}
        </Badge>
      )}
      {artisan.bankStatus !== 'none' && (
        <Badge size="sm" variant="light" color="grape">
          {t(`enums.bankStatus.${artisan.bankStatus}`)}
        </Badge>
      )}
    </Group>
  )
}
