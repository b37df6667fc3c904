import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { isolate, isolateParams } from '@shared/text/bidi'
import { useDesk } from '../app/desk-context'
import { api } from '../api/transport'
import { Advice, ErrorAlert, ErrorDetails } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'
import { ConflictsPanel } from './ConflictsPanel'
import { EnrolPanel } from './EnrolPanel'
import { RejectedPanel } from './RejectedPanel'
import { SyncLogPanel } from './SyncLogPanel'
import { useSyncStatus } from './useSyncStatus'
import { formatInstant } from '@shared/text/dates'

type Rejected = Awaited<ReturnType<typeof api.call<'sync.rejected'>>>

const when = (iso: string | null | undefined) => (iso ? formatInstant(iso) : '—')

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
  const [actionError, setActionError] = useState<AppErrorData | null>(null)
  const [reenrol, setReenrol] = useState(false)
  const running = status?.running ?? null

  const [changed, setChanged] = useState(0)
  useEffect(() => {
    api.call('sync.rejected', {}).then(setRejected, () => setRejected([]))
  }, [status?.lastRun?.at, status?.pending, changed])

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
            <Alert color={state === 'offline' ? 'orange' : 'red'} data-testid="sync-failure">
              <Stack gap="xs">
                <Text size="sm">
                  {t(status.lastRun.error.key, isolateParams(status.lastRun.error.params))}
                </Text>
                <Advice adviceKey={`${status.lastRun.error.key}_advice`} />
                <ErrorDetails params={status.lastRun.error.params} />
              </Stack>
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
        <RejectedPanel
          rejected={rejected}
          onChange={() => {
            setChanged((n) => n + 1)
            void refresh()
          }}
        />
      )}

      <SyncLogPanel refreshKey={`${status.lastRun?.at ?? ''}-${status.pending}-${changed}`} />
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
