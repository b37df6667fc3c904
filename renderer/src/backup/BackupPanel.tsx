import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupJobState, BackupStatus } from '@shared/api/methods/backup'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { isolateParams } from '@shared/text/bidi'
import { api } from '../api/transport'
import { useDesk } from '../app/desk-context'
import { ErrorAlert } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'
import { useJobStatus } from '../components/useJobStatus'
import { formatCount } from '../reports/format'
import { COUNTED, dateTimeText, sizeText } from './backup-display'
import { BackupSettingsForm } from './BackupSettingsForm'
import { RestorePanel } from './RestorePanel'

/**
 * Settings › Backups: the daily automatic backup (folder, hour, retention), the last
 * backup and its result, "Back up now" with progress and cancel, the backups found in the
 * folder, and restore. Administrators change and restore; a supervisor may back up now.
 * There is always a folder: the chosen one, or the data folder's own `backups/` (said so,
 * with what it does not protect against). Dates, sizes and paths sit in their own
 * left-to-right isolates, so that in Arabic none runs into the next or turns round.
 */
export function BackupPanel() {
  const { t, i18n } = useTranslation()
  const { can } = useDesk()
  const admin = can(['administrator'])
  const [status, setStatus] = useState<BackupStatus | null>(null)
  const [job, setJob] = useState<BackupJobState | null>(null)
  const [restorePath, setRestorePath] = useState('')
  const [error, setError] = useState<AppErrorData | null>(null)
  const fail = (e: unknown) => setError(errorDataOf(e))
  const lang = i18n.language
  const when = (iso: string | null) => <Ltr>{dateTimeText(iso, lang)}</Ltr>

  const load = useCallback(() => {
    api.call('backup.status', {}).then((s) => {
      setStatus(s)
      if (s.running) setJob(s.running)
    }, fail)
  }, [])
  useEffect(load, [load])

  const jobId = job?.state === 'running' ? job.jobId : null
  useJobStatus<BackupJobState>(jobId, (id) => api.call('backup.jobStatus', { jobId: id }), {
    onStatus: setJob,
    onEnd: load,
    onError: fail,
  })

  const start = () => {
    setError(null)
    api
      .call('backup.start', {})
      .then(({ jobId: id }) => api.call('backup.jobStatus', { jobId: id }))
      .then(setJob, fail)
  }

  if (!status) return error ? <ErrorAlert error={error} onRetry={load} /> : null
  const { last } = status
  return (
    <Paper withBorder p="lg" data-testid="backup">
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('backup.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('backup.hint')}
        </Text>
        <Stack gap={2} data-testid="backup-folder">
          <Text size="sm">
            {t('backup.goesTo')}{' '}
            <Text span fw={600}>
              <Ltr>{status.folder}</Ltr>
            </Text>
          </Text>
          {status.folder === status.defaultFolder && (
            <Text size="sm" c="orange.9">
              {t('backup.defaultFolderNote')}
            </Text>
          )}
        </Stack>
        <BackupSettingsForm
          initial={status.settings}
          defaultFolder={status.defaultFolder}
          editable={admin}
          onSaved={load}
        />
        <Divider />

        <Stack gap={4} data-testid="backup-last">
          {last === null ? (
            <Text size="sm">{t('backup.never')}</Text>
          ) : last.ok ? (
            <Text size="sm">
              {t(last.automatic ? 'backup.lastOkAuto' : 'backup.lastOk')} {when(last.at)}
              {last.sizeBytes !== null && (
                <>
                  {' · '}
                  <Ltr>{sizeText(last.sizeBytes, lang)}</Ltr>
                </>
              )}
            </Text>
          ) : (
            <Alert color="red" role="alert" title={t('backup.lastFailed')}>
              <Text size="sm">
                {when(last.at)} —{' '}
                {t(last.error?.key ?? 'errors.backup_failed', isolateParams(last.error?.params))}
              </Text>
            </Alert>
          )}
          {status.nextDueAt && (
            <Text size="sm" c="dimmed">
              {t('backup.nextDue')} {when(status.nextDueAt)}
            </Text>
          )}
        </Stack>

        {job && (
          <Stack gap={4} data-testid="backup-job">
            {job.state === 'running' && (
              <>
                <Progress value={job.percent} aria-label={t('backup.now')} />
                <Text size="sm">
                  {t(`backup.phase_${job.phase === 'copy' ? 'copy' : 'snapshot'}`)}
                </Text>
              </>
            )}
            {job.state === 'done' && (
              <Alert color="teal" role="status">
                {t('backup.done')} <Ltr>{job.file}</Ltr>
              </Alert>
            )}
            {job.state === 'cancelled' && <Alert role="status">{t('backup.cancelled')}</Alert>}
            {job.state === 'failed' && job.error && (
              <ErrorAlert error={{ code: 'internal', ...job.error }} />
            )}
          </Stack>
        )}
        {error && <ErrorAlert error={error} />}
        <Group>
          {jobId ? (
            <Button variant="default" onClick={() => void api.call('backup.cancel', { jobId })}>
              {t('common.cancel')}
            </Button>
          ) : (
            <Button onClick={start}>{t('backup.now')}</Button>
          )}
          {!status.settings.enabled && (
            <Text size="sm" c="dimmed">
              {t('backup.offNote')}
            </Text>
          )}
        </Group>

        <Title order={4} size="h5">
          {t('backup.files')}
        </Title>
        {status.folderError ? (
          <ErrorAlert error={{ code: 'validation', ...status.folderError }} onRetry={load} />
        ) : status.files.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('backup.filesEmpty')}
          </Text>
        ) : (
          <Table withTableBorder striped data-testid="backup-files">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backup.colDate')}</Table.Th>
                <Table.Th>{t('backup.colSize')}</Table.Th>
                {COUNTED.map((what) => (
                  <Table.Th key={what}>{t(`backup.row_${what}`)}</Table.Th>
                ))}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {status.files.map((f) => (
                <Table.Tr key={f.file}>
                  <Table.Td>
                    {when(f.createdAt)}{' '}
                    {!f.ofThisDesk && <Badge color="gray">{t('backup.otherDesk')}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Ltr>{sizeText(f.sizeBytes, lang)}</Ltr>
                  </Table.Td>
                  {COUNTED.map((what) => (
                    <Table.Td key={what}>
                      <Ltr>{formatCount(f.counts[what], lang)}</Ltr>
                    </Table.Td>
                  ))}
                  <Table.Td>
                    {admin && (
                      <Button size="xs" variant="subtle" onClick={() => setRestorePath(f.file)}>
                        {t('backup.restore')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}

        {admin && (
          <>
            <Divider />
            <RestorePanel path={restorePath} pending={status.restorePending} onChanged={load} />
          </>
        )}
      </Stack>
    </Paper>
  )
}
