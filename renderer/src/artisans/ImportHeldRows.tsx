import { Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HeldReason, HeldRow, PersonSide } from '@shared/api/methods/imports'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { formatDay } from '@shared/text/dates'
import { formatMoroccanPhone } from '@shared/validation/phone'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'

/**
 * The rows an import held for a person to decide, each beside the file of the register it
 * resembles (CIN, names, phone, birth date): a row with another CIN may be registered as a
 * new file once a person says so, or skipped; a row with a CIN that resembles a file
 * without one may have its CIN added to that file (a correction of the file, approved like
 * a clerk's edit), be registered as a new file, or be skipped; a row carrying a file's CIN
 * with another name or birth date can only be skipped (the file is corrected at the
 * counter). A dry run offers skipping only. For the keyboard, the list takes the focus when
 * it appears, and after each decision the next row's first decision does.
 */
type Decision = 'register' | 'add_cin' | 'skip'

/** The writing decisions each reason offers, first the likeliest (skipping is always offered). */
const DECISIONS: Record<HeldReason, readonly Exclude<Decision, 'skip'>[]> = {
  other_cin: ['register'],
  file_without_cin: ['add_cin', 'register'],
  same_cin_other_name: [],
  same_cin_other_birth: [],
}

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
  const list = useRef<HTMLDivElement>(null)
  const title = useRef<HTMLHeadingElement>(null)
  // The start button is gone once the import ran: the keyboard lands on the rows to decide.
  useEffect(() => title.current?.focus(), [])
  // After a decision (its buttons gone), the next row's first decision, else the title.
  const [decided, setDecided] = useState(0)
  useEffect(() => {
    if (!decided) return
    const next = list.current?.querySelector<HTMLButtonElement>('button[data-decide]')
    ;(next ?? title.current)?.focus()
  }, [decided])
  const decide = (line: number, decision: Decision) => {
    setBusy(line)
    setError(null)
    api
      .call('import.decide', { jobId, line, decision })
      .then(
        (row) => {
          onDecided(row)
          setDecided((n) => n + 1)
        },
        (e: unknown) => setError(errorDataOf(e)),
      )
      .finally(() => setBusy(null))
  }
  return (
    <Stack gap="xs" data-testid="import-held" ref={list}>
      <Title order={4} size="h6" ref={title} tabIndex={-1}>
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
                        {h.awaitsApproval && (
                          <Text span size="xs" c="dimmed" display="block">
                            {t('import.held.awaitsApproval')}
                          </Text>
                        )}
                      </Text>
                    ) : (
                      <Group gap={4}>
                        {!dryRun &&
                          DECISIONS[h.reason].map((d) => (
                            <Button
                              key={d}
                              data-decide={d}
                              size="compact-xs"
                              variant={d === 'add_cin' ? 'filled' : 'light'}
                              loading={busy === h.line}
                              onClick={() => decide(h.line, d)}
                            >
                              {t(d === 'add_cin' ? 'import.held.addCin' : 'import.held.register')}
                            </Button>
                          ))}
                        <Button
                          data-decide="skip"
                          size="compact-xs"
                          variant="default"
                          disabled={busy === h.line}
                          onClick={() => decide(h.line, 'skip')}
                        >
                          {t('import.held.skip')}
                        </Button>
                      </Group>
                    )}
                    {DECISIONS[h.reason].length === 0 && !h.decision && (
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
