import { Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HeldRow, PersonSide } from '@shared/api/methods/imports'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { formatDay } from '@shared/text/dates'
import { formatMoroccanPhone } from '@shared/validation/phone'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'

/**
 * The rows an import held for a person to decide, each beside the file of the register it
 * resembles (CIN, names, phone, birth date): a row with another CIN may be registered as a
 * new file once a person says so, or skipped; a row carrying a file's CIN with another
 * name or birth date can only be skipped (the file itself is corrected at the counter).
 */
function Side({ side }: { side: PersonSide }) {
  const { t } = useTranslation()
  const arabic = [side.firstNameAr, side.lastNameAr].filter(Boolean).join(' ')
  const latin = [side.firstNameLat, side.lastNameLat].filter(Boolean).join(' ')
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        <Ltr>{side.cin ?? '—'}</Ltr>
      </Text>
      {arabic && (
        <Text size="sm">
          <bdi>{arabic}</bdi>
        </Text>
      )}
      {latin && (
        <Text size="sm">
          <bdi>{latin}</bdi>
        </Text>
      )}
      {side.phone && (
        <Text size="xs">
          <Ltr>{formatMoroccanPhone(side.phone)}</Ltr>
        </Text>
      )}
      {side.birthDate && (
        <Text size="xs" c="dimmed">
          {t('import.held.born')} <Ltr>{formatDay(side.birthDate)}</Ltr>
        </Text>
      )}
    </Stack>
  )
}

export function ImportHeldRows({
  jobId,
  rows,
  total,
  dryRun,
  onDecided,
}: {
  jobId: string
  rows: HeldRow[]
  total: number
  dryRun: boolean
  onDecided: (row: HeldRow) => void
}) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<number | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const decide = (line: number, decision: 'register' | 'skip') => {
    setBusy(line)
    setError(null)
    api
      .call('import.decide', { jobId, line, decision })
      .then(onDecided, (e: unknown) => setError(errorDataOf(e)))
      .finally(() => setBusy(null))
  }
  return (
    <Stack gap="xs" data-testid="import-held">
      <Title order={4} size="h6">
        {t('import.held.title')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('import.held.hint')}
      </Text>
      {error && <ErrorAlert error={error} />}
      <Table.ScrollContainer minWidth={640}>
        <Table withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.held.line')}</Table.Th>
              <Table.Th>{t('import.held.inList')}</Table.Th>
              <Table.Th>{t('import.held.inRegister')}</Table.Th>
              <Table.Th>{t('import.held.decision')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((h) => (
              <Table.Tr key={h.line} data-testid={`held-${h.line}`}>
                <Table.Td>
                  <Ltr>{h.line}</Ltr>
                </Table.Td>
                <Table.Td>
                  <Side side={h.row} />
                </Table.Td>
                <Table.Td>
                  <Side side={h.file} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Text size="xs" c="orange.8">
                      {t(`import.held.reason.${h.reason}`)}
                    </Text>
                    {h.decision ? (
                      <Text size="sm" fw={600}>
                        {t(`import.held.${h.decision}`)}
                      </Text>
                    ) : (
                      <Group gap={4}>
                        {h.reason === 'other_cin' && !dryRun && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            loading={busy === h.line}
                            onClick={() => decide(h.line, 'register')}
                          >
                            {t('import.held.register')}
                          </Button>
                        )}
                        <Button
                          size="compact-xs"
                          variant="default"
                          disabled={busy === h.line}
                          onClick={() => decide(h.line, 'skip')}
                        >
                          {t('import.held.skip')}
                        </Button>
                      </Group>
                    )}
                    {h.reason !== 'other_cin' && !h.decision && (
                      <Text size="xs" c="dimmed">
                        {t('import.held.sameCinOnly')}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > rows.length && (
        <Text size="xs" c="dimmed">
          {t('import.held.more', { count: total - rows.length })}
        </Text>
      )}
    </Stack>
  )
}
