import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'
import { hrefOf } from '../app/sections'
import { ErrorAlert } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'
import { FIELD_LABELS } from './field-labels'
import { formatInstant } from '@shared/text/dates'

type Conflicts = Awaited<ReturnType<typeof api.call<'sync.conflicts'>>>

const shown = (v: unknown) =>
  v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join(', ') : String(v)

/**
 * Conflicts: a file changed here while the registry changed it too. Side by side, field by
 * field, this desk's value and the registry's (which applies until someone chooses); a
 * supervisor picks, and the desk's values kept are sent again on top of the registry's.
 */
export function ConflictsPanel({ onResolved }: { onResolved: () => void }) {
  const { t } = useTranslation()
  const [conflicts, setConflicts] = useState<Conflicts>([])
  const [choices, setChoices] = useState<Record<string, Record<string, 'local' | 'registry'>>>({})
  const [error, setError] = useState<AppErrorData | null>(null)
  const load = useCallback(() => {
    api.call('sync.conflicts', {}).then(setConflicts, (e: unknown) => setError(errorDataOf(e)))
  }, [])
  useEffect(load, [load])

  const resolve = (id: string) => {
    setError(null)
    const keepLocal = Object.entries(choices[id] ?? {})
      .filter(([, side]) => side === 'local')
      .map(([field]) => field)
    api.call('sync.resolve', { id, keepLocal }).then(
      () => {
        load()
        onResolved()
      },
      (e: unknown) => setError(errorDataOf(e)),
    )
  }

  if (!conflicts.length) return null
  return (
    <Paper withBorder p="md" data-testid="sync-conflicts-list">
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('sync.conflictsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sync.conflictsHint')}
        </Text>
        {error && <ErrorAlert error={error} />}
        {conflicts.map((c) => (
          <Stack key={c.id} gap="xs" data-testid="conflict">
            <Group justify="space-between">
              <Anchor href={hrefOf.artisan(c.artisanId)} fw={600}>
                {c.name || c.artisanId}
              </Anchor>
              <Text size="xs" c="dimmed">
                <Ltr>{formatInstant(c.createdAt)}</Ltr>
              </Text>
            </Group>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sync.field')}</Table.Th>
                  <Table.Th>{t('sync.thisDesk')}</Table.Th>
                  <Table.Th>{t('sync.registry')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.fields.map((f) => {
                  const side = choices[c.id]?.[f.field] ?? 'registry'
                  const choose = (value: string) =>
                    setChoices({
                      ...choices,
                      [c.id]: { ...choices[c.id], [f.field]: value as 'local' | 'registry' },
                    })
                  return (
                    <Table.Tr key={f.field}>
                      <Table.Td>{t(FIELD_LABELS[f.field] ?? f.field)}</Table.Td>
                      <Table.Td>
                        <Radio
                          checked={side === 'local'}
                          onChange={() => choose('local')}
                          label={shown(f.local)}
                          name={`${c.id}-${f.field}`}
                          aria-label={`${t(FIELD_LABELS[f.field] ?? f.field)} — ${t('sync.thisDesk')}`}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Radio
                          checked={side === 'registry'}
                          onChange={() => choose('registry')}
                          label={shown(f.registry)}
                          name={`${c.id}-${f.field}`}
                          aria-label={`${t(FIELD_LABELS[f.field] ?? f.field)} — ${t('sync.registry')}`}
                        />
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
            {c.steps.length > 0 && (
              <Alert color="blue">
                {t('sync.stepsResent', {
                  steps: c.steps.map((s) => t(`enums.step.${s}`)).join(', '),
                })}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button onClick={() => resolve(c.id)}>{t('sync.resolve')}</Button>
            </Group>
          </Stack>
        ))}
      </Stack>
    </Paper>
  )
}
