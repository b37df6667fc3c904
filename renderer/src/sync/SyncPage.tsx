import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { isolate } from '@shared/text/bidi'
import { useDesk } from '../app/desk-context'
import { api } from '../api/transport'
import { hrefOf } from '../app/sections'
import { ErrorAlert } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'
import { ConflictsPanel } from './ConflictsPanel'
import { EnrolPanel } from './EnrolPanel'
import { useSyncStatus } from './useSyncStatus'

type Rejected = Awaited<ReturnType<typeof api.call<'sync.rejected'>>>
type LogLines = Awaited<ReturnType<typeof api.call<'sync.log'>>>

const when = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—')

/**
 * Sync (Alt+5): whether the desk reaches the registry, when it last synced, what waits to
 * be sent, what the registry refused (per file, with its reason), the conflicts, and a
 * log; "Sync now" and stop; enrolment for a desk not yet linked.
 */
export function SyncPage() {
  const { t } = useTranslation()
  const { allows } = useDesk()
  const { status, error, refresh } = useSyncStatus()
  const [rejected, setRejected] = useState<Rejected>([])
  const [log, setLog] = useState<LogLines>([])
  const [actionError, setActionError] = useState<AppErrorData | null>(null)
  const [reenrol, setReenrol] = useState(false)
  const running = status?.running ?? null

  useEffect(() => {
    api.call('sync.rejected', {}).then(setRejected, () => setRejected([]))
    api.call('sync.log', { limit: 50 }).then(setLog, () => setLog([]))
  }, [status?.lastRun?.at, status?.pending])

  const now = () => {
    setActionError(null)
    api.call('sync.now', { wait: false }).then(
      () => void refresh(),
      (e: unknown) => setActionError(errorDataOf(e)),
    )
  }

  if (!status) return error ? <ErrorAlert error={error} onRetry={() => void refresh()} /> : null
  const state = !status.enrolled
    ? 'notEnrolled'
    : running
      ? 'syncing'
      : !status.lastRun
        ? 'never'
        : status.lastRun.ok
          ? 'online'
          : status.lastRun.error?.key === 'errors.sync_offline'
            ? 'offline'
            : 'failing'
  const colors = {
    notEnrolled: 'gray',
    syncing: 'blue',
    never: 'gray',
    online: 'teal',
    offline: 'orange',
    failing: 'red',
  } as const

  return (
    <Stack gap="md" maw={960}>
      <Title order={2}>{t('pages.sync.title')}</Title>
      <Paper withBorder p="md" data-testid="sync-status">
        <Stack gap="sm">
          <Group justify="space-between">
            <Badge size="lg" variant="light" color={colors[state]} data-testid="sync-state">
              {t(`sync.state.${state}`)}
            </Badge>
            {status.enrolled && (
              <Group gap="xs">
                {running && (
                  <Button variant="default" onClick={() => void api.call('sync.stop', {})}>
                    {t('sync.stop')}
                  </Button>
                )}
                <Button onClick={now} loading={Boolean(running)}>
                  {t('sync.now')}
                </Button>
              </Group>
            )}
          </Group>
          {status.lastRun && !status.lastRun.ok && status.lastRun.error && (
            <Alert color={state === 'offline' ? 'orange' : 'red'}>
              {t(status.lastRun.error.key, status.lastRun.error.params)}
            </Alert>
          )}
          {actionError && <ErrorAlert error={actionError} />}
          {running && (
            <Stack gap={4}>
              <Progress value={100} animated aria-label={t('sync.now')} />
              <Text size="sm">
                {t(`sync.phase.${running.phase}`)} ·{' '}
                {t('sync.progress', {
                  applied: running.push.applied,
                  received: running.pull.created + running.pull.updated + running.pull.deleted,
                })}
              </Text>
            </Stack>
          )}
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label={t('sync.lastSuccess')} value={<Ltr>{when(status.lastSuccessAt)}</Ltr>} />
            <Figure label={t('sync.pending')} value={status.pending} testId="sync-pending" />
            <Figure label={t('sync.rejected')} value={status.rejected} testId="sync-rejected" />
            <Figure label={t('sync.conflicts')} value={status.conflicts} testId="sync-conflicts" />
          </SimpleGrid>
          {status.heldForApproval > 0 && (
            <Text size="sm" c="orange" data-testid="sync-held">
              {t('sync.heldForApproval', { count: status.heldForApproval })}
            </Text>
          )}
          {status.enrolled && (
            <Group justify="space-between" gap="xs">
              <Text size="sm" c="dimmed">
                {t('sync.link', {
                  url: isolate(status.registryUrl ?? ''),
                  deskCode: isolate(status.deskCode ?? ''),
                  chamber: isolate(status.chamberCode ?? ''),
                })}
              </Text>
              {allows('sync.enrol') && (
                <Button size="compact-xs" variant="subtle" onClick={() => setReenrol(!reenrol)}>
                  {t('sync.enrolAgain')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </Paper>

      {allows('sync.enrol') &&
        (!status.enrolled ||
          reenrol ||
          status.lastRun?.error?.key === 'errors.sync_enrol_again') && (
          <EnrolPanel
            registryUrl={status.registryUrl ?? ''}
            onEnrolled={() => {
              setReenrol(false)
              void refresh()
            }}
          />
        )}

      {status.conflicts > 0 && <ConflictsPanel onResolved={() => void refresh()} />}

      {rejected.length > 0 && (
        <Paper withBorder p="md" data-testid="sync-rejected-list">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('sync.rejectedTitle')}
            </Title>
            <Table>
              <Table.Tbody>
                {rejected.map((r) => (
                  <Table.Tr key={r.opId}>
                    <Table.Td>
                      <Anchor href={hrefOf.artisan(r.artisanId)}>{r.name || r.artisanId}</Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Ltr>{r.cin ?? ''}</Ltr>
                    </Table.Td>
                    <Table.Td>
                      <Ltr>{when(r.createdAt)}</Ltr>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {t(`sync.reason.${r.reason.code}`, {
                          defaultValue: r.reason.message || r.reason.code,
                        })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Paper>
      )}

      <Paper withBorder p="md" data-testid="sync-log">
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('sync.logTitle')}
          </Title>
          {log.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('sync.logEmpty')}
            </Text>
          )}
          {log.map((line, i) => (
            <Group key={`${line.at}-${i}`} gap="sm" wrap="nowrap" align="flex-start">
              <Text size="xs" c="dimmed" miw={120}>
                <Ltr>{when(line.at)}</Ltr>
              </Text>
              <Text
                size="sm"
                c={line.level === 'error' ? 'red' : line.level === 'warning' ? 'orange' : undefined}
              >
                {t(line.key, line.params)}
              </Text>
            </Group>
          ))}
        </Stack>
      </Paper>
    </Stack>
  )
}

function Figure({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={600}>
        {value}
      </Text>
    </Stack>
  )
}
