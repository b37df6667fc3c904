import { Badge, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Section } from '../app/sections'

/** An honest empty state for sections later versions fill: what will be here, no fake data. */
export function PlaceholderPage({
  section,
}: {
  section: Exclude<Section, 'settings' | 'counter' | 'artisans' | 'admin'>
}) {
  const { t } = useTranslation()
  return (
    <Stack gap="md" maw={760}>
      <Title order={2}>{t(`pages.${section}.title`)}</Title>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Badge variant="light" color="gray" w="fit-content">
            {t('pages.notYet')}
          </Badge>
          <Text>{t(`pages.${section}.empty`)}</Text>
        </Stack>
      </Paper>
    </Stack>
  )
}
