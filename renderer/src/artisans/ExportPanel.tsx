import { Alert, Button, Group, Modal, Progress, SegmentedControl, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListFilter } from '@shared/artisans/list'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { Language } from '@shared/settings/language'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { useJobStatus } from '../components/useJobStatus'
import { fromBase64, saveFile } from '../files/file-content'

type Status = Awaited<ReturnType<typeof api.call<'export.status'>>>

/**
 * Export of the filtered list: the clerk picks Excel or CSV, sees how many artisans the
 * file will hold, follows the progress (and may stop it), and saves the file.
 */
export function ExportPanel({ filter, count }: { filter: ListFilter; count: number | null }) {
  const { t, i18n } = useTranslation()
  const [open, setOpen] = useState(false)
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx')
  const [jobId, setJobId] = useState<string | null>(null)
  const [status, setStatus] = useState<Status | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const fail = (e: unknown) => setError(errorDataOf(e))

  const reset = () => {
    setJobId(null)
    setStatus(null)
    setError(null)
  }
  const start = () => {
    reset()
    api
      .call('export.start', { format, filter, language: i18n.language as Language })
      .then((r) => setJobId(r.jobId), fail)
  }

  useJobStatus<Status>(jobId, (id) => api.call('export.status', { jobId: id }), {
    onStatus: setStatus,
    onEnd: (s, id) => {
      if (s.state === 'done')
        api
          .call('export.file', { jobId: id })
          .then((f) => saveFile(f.fileName, fromBase64(f.base64), f.mime), fail)
    },
    onError: fail,
  })

  const running = status?.state === 'running' || (jobId !== null && status === null)
  return (
    <>
      <Button variant="default" size="xs" onClick={() => (reset(), setOpen(true))}>
        {t('export.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('export.title')}>
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t('export.format')}
            value={format}
            onChange={(v) => setFormat(v as 'xlsx' | 'csv')}
            data={[
              { value: 'xlsx', label: t('export.xlsx') },
              { value: 'csv', label: t('export.csv') },
            ]}
            disabled={running}
          />
          {status && status.total > 0 && (
            <Stack gap={4}>
              <Progress value={(100 * status.done) / status.total} aria-label={t('export.title')} />
              <Text size="sm">
                {t('export.progress', { done: status.done, total: status.total })}
              </Text>
            </Stack>
          )}
          {status?.state === 'done' && (
            <Alert color="teal" role="status">
              {t('export.done', { count: status.done })}
            </Alert>
          )}
          {status?.state === 'cancelled' && <Alert role="status">{t('export.cancelled')}</Alert>}
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            {running ? (
              <Button
                variant="default"
                onClick={() => jobId && void api.call('export.cancel', { jobId })}
              >
                {t('register.cancel')}
              </Button>
            ) : (
              <Button onClick={start} disabled={count === 0}>
                {t('export.start', { count: count ?? 0 })}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
