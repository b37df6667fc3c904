import { Alert, Button, Checkbox, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { isIsoDay, localTodayIso } from '@shared/text/dates'
import { api } from '../api/transport'
import { DateField } from '../components/DateField'
import { ErrorAlert } from '../components/ErrorAlert'
import { useJobStatus } from '../components/useJobStatus'
import { fromBase64 } from '../files/file-content'
import { PdfPreview, type PreviewDocument } from '../printing/PdfPreview'

type Status = Awaited<ReturnType<typeof api.call<'documents.batchStatus'>>>

/**
 * Batch printing: the artisans registered since a date (by default those without a
 * certificate yet) → one PDF of certificates, with progress; stopping keeps the pages done.
 */
export function BatchPanel() {
  const { t } = useTranslation()
  const [since, setSince] = useState(() => localTodayIso(new Date(Date.now() - 7 * 864e5)))
  const [without, setWithout] = useState(true)
  const [count, setCount] = useState<number | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const [status, setStatus] = useState<Status | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const [printed, setPrinted] = useState<PreviewDocument | null>(null)
  const [previewing, setPreviewing] = useState(false)
  const fail = (e: unknown) => setError(errorDataOf(e))
  const selection = { registeredSince: since, withoutCertificate: without }

  useEffect(() => {
    if (!isIsoDay(since)) return setCount(null)
    api.call('documents.batchCount', { registeredSince: since, withoutCertificate: without }).then(
      (r) => setCount(r.count),
      () => setCount(null),
    )
  }, [since, without, jobId])

  useJobStatus<Status>(jobId, (id) => api.call('documents.batchStatus', { jobId: id }), {
    onStatus: setStatus,
    onEnd: (s, id) => {
      if (s.done > 0)
        api.call('documents.batchFile', { jobId: id }).then((f) => {
          setPrinted({ fileName: f.fileName, bytes: fromBase64(f.base64) })
          setPreviewing(true)
        }, fail)
      setJobId(null)
    },
    onError: fail,
  })

  const running = jobId !== null
  return (
    <Paper withBorder p="md" data-testid="batch">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('documents.batchTitle')}
        </Title>
        <Group align="flex-end">
          <DateField
            label={t('documents.batchSince')}
            value={since}
            onChange={setSince}
            max={localTodayIso()}
            disabled={running}
          />
          <Checkbox
            label={t('documents.batchWithout')}
            checked={without}
            onChange={(e) => setWithout(e.currentTarget.checked)}
            disabled={running}
          />
        </Group>
        {status && status.total > 0 && (
          <Stack gap={4}>
            <Progress
              value={(100 * status.done) / status.total}
              aria-label={t('documents.batchTitle')}
            />
            <Text size="sm">
              {t('documents.batchProgress', { done: status.done, total: status.total })}
            </Text>
          </Stack>
        )}
        {status?.state === 'done' && (
          <Alert color="teal" role="status">
            {t('documents.batchDone', { count: status.done })}
          </Alert>
        )}
        {status?.state === 'cancelled' && (
          <Alert role="status">{t('documents.batchCancelled', { count: status.done })}</Alert>
        )}
        {error && <ErrorAlert error={error} />}
        {printed && previewing && (
          <PdfPreview document={printed} onClose={() => setPreviewing(false)} />
        )}
        <Group>
          {printed && !running && (
            <Button variant="default" onClick={() => setPreviewing(true)}>
              {t('printing.openAgain')}
            </Button>
          )}
          {running ? (
            <Button
              variant="default"
              onClick={() => jobId && void api.call('documents.batchCancel', { jobId })}
            >
              {t('register.cancel')}
            </Button>
          ) : (
            <Button
              disabled={!count}
              onClick={() => {
                setError(null)
                setStatus(null)
                setPrinted(null)
                api.call('documents.batchStart', selection).then((r) => setJobId(r.jobId), fail)
              }}
            >
              {t('documents.batchStart', { count: count ?? 0 })}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}
