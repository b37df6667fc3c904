import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { isolate } from '@shared/text/bidi'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay, isIsoDay } from '@shared/text/dates'
import type { ArtisanSummary } from '@shared/artisans/records'
import { api } from '../api/transport'
import { hrefOf } from '../app/sections'
import { Ltr } from '../components/Ltr'
import { displayNames, phoneText } from './display'
import type { RegisterValues } from './useRegisterForm'

type Duplicates = Awaited<ReturnType<typeof api.call<'artisans.duplicates'>>>

/**
 * Live duplicate warnings while a file is typed: the same CIN blocks registration and
 * links to the existing file; the same phone, or a similar name with the same birth date,
 * is shown for comparison side by side and can be dismissed as "not the same person"
 * (the decision is recorded when the file is registered).
 */
export function DuplicatePanel({
  values,
  dismissed,
  onDismiss,
  excludeId,
}: {
  values: RegisterValues
  /** The file being corrected: never its own duplicate. */
  excludeId?: string
  dismissed: string[]
  onDismiss: (id: string) => void
}) {
  const { t, i18n } = useTranslation()
  const [found, setFound] = useState<Duplicates | null>(null)
  const [comparing, setComparing] = useState<ArtisanSummary | null>(null)
  const { cin, phone, firstNameAr, lastNameAr, firstNameLat, lastNameLat } = values
  // A day still being typed (or unreadable) is not compared: only a whole ISO day is.
  const birthDate = isIsoDay(values.birthDate) ? values.birthDate : ''

  useEffect(() => {
    const probe = { cin, phone, birthDate, firstNameAr, lastNameAr, firstNameLat, lastNameLat }
    if (!Object.values(probe).some((v) => v.trim())) return setFound(null)
    let live = true
    const timer = window.setTimeout(() => {
      api.call('artisans.duplicates', { ...probe, ...(excludeId ? { excludeId } : {}) }).then(
        (r) => live && setFound(r),
        () => undefined,
      )
    }, 250)
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [cin, phone, birthDate, firstNameAr, lastNameAr, firstNameLat, lastNameLat, excludeId])

  const similar = (found?.similar ?? []).filter((s) => !dismissed.includes(s.artisan.id))
  if (!found?.sameCin && similar.length === 0) return null
  const name = (a: ArtisanSummary) => displayNames(a, i18n.language).primary

  return (
    <Stack gap="sm" data-testid="duplicate-panel">
      {found?.sameCin && (
        <Alert color="red" role="alert" title={t('duplicates.title')}>
          <Stack gap="xs">
            <Text size="sm">{t('duplicates.sameCin', { name: isolate(name(found.sameCin)) })}</Text>
            <Anchor href={hrefOf.artisan(found.sameCin.id)}>{t('duplicates.openExisting')}</Anchor>
          </Stack>
        </Alert>
      )}
      {similar.length > 0 && (
        <Paper withBorder p="sm" bg="var(--mantine-color-yellow-light)">
          <Title order={3} size="h5" mb="xs">
            {t('duplicates.title')}
          </Title>
          <Stack gap="xs">
            {similar.map(({ artisan, reasons }) => (
              <Group key={artisan.id} justify="space-between" wrap="nowrap">
                <Stack gap={0}>
                  <Text size="sm" fw={700}>
                    {name(artisan)} · <Ltr>{artisan.cin}</Ltr>
                  </Text>
                  <Group gap={4}>
                    {reasons.map((r) => (
                      <Badge key={r} size="xs" variant="light" color="yellow">
                        {t(`duplicates.reason.${r}`)}
                      </Badge>
                    ))}
                  </Group>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setComparing(artisan)}>
                    {t('duplicates.compare')}
                  </Button>
                  <Button size="xs" variant="subtle" onClick={() => onDismiss(artisan.id)}>
                    {t('duplicates.notSame')}
                  </Button>
                </Group>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
      {comparing && (
        <Modal
          opened
          onClose={() => setComparing(null)}
          title={t('duplicates.compareTitle')}
          size="lg"
          centered
        >
          <SimpleGrid cols={2}>
            <Compare title={t('duplicates.thisForm')} rows={rowsOf(values)} />
            <Compare title={t('duplicates.existing')} rows={rowsOf(comparing)} />
          </SimpleGrid>
          <Group justify="flex-end" mt="md">
            <Anchor href={hrefOf.artisan(comparing.id)}>{t('duplicates.openExisting')}</Anchor>
            <Button
              variant="light"
              onClick={() => {
                onDismiss(comparing.id)
                setComparing(null)
              }}
            >
              {t('duplicates.notSame')}
            </Button>
          </Group>
        </Modal>
      )}
    </Stack>
  )
}

type Nullable<T> = { [K in keyof T]: T[K] | null }
type Comparable = Nullable<
  Pick<
    RegisterValues,
    'cin' | 'phone' | 'firstNameAr' | 'lastNameAr' | 'firstNameLat' | 'lastNameLat' | 'birthDate'
  >
>

function rowsOf(a: Comparable): [string, string][] {
  return [
    ['artisan.cin', a.cin ?? ''],
    ['register.firstNameAr', a.firstNameAr ?? ''],
    ['register.lastNameAr', a.lastNameAr ?? ''],
    ['register.firstNameLat', a.firstNameLat ?? ''],
    ['register.lastNameLat', a.lastNameLat ?? ''],
    ['register.birthDate', formatDay(a.birthDate)],
    ['artisan.phones', a.phone?.startsWith('+') ? phoneText(a.phone) : (a.phone ?? '')],
  ]
}

function Compare({ title, rows }: { title: string; rows: [string, string][] }) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs">
      <Text fw={700}>{title}</Text>
      <Table variant="vertical" data-testid="compare-table">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th>{t(label)}</Table.Th>
              <Table.Td>
                <bdi>{value}</bdi>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
