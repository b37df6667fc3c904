import { Alert, Button, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditVerdictView } from '@shared/api/methods/audit'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'

/**
 * "Verify the chain": every row's hash checked against its content and the row before it.
 * Intact says how many rows; broken names the first broken link — its number, id and time,
 * and what happened (a row changed, rows removed before it, the newest rows removed).
 */
export function VerifyChain() {
  const { t } = useTranslation()
  const [verdict, setVerdict] = useState<AuditVerdictView | null>(null)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<AppErrorData | null>(null)
  const run = () => {
    setRunning(true)
    setError(null)
    setVerdict(null)
    api
      .call('audit.verify', {})
      .then(setVerdict, (e: unknown) => setError(errorDataOf(e)))
      .finally(() => setRunning(false))
  }
  const b = verdict?.broken
  // The Arabic texts isolate these numbers and ids themselves.
  const previous = b?.previousSeq ?? 0
  return (
    <Stack gap="xs">
      <Button variant="light" onClick={run} loading={running} w="fit-content">
        {t('audit.verify')}
      </Button>
      {verdict?.intact && (
        <Alert color="teal" role="status" data-testid="audit-intact">
          {t('audit.intact', { count: verdict.count })}
        </Alert>
      )}
      {b && (
        <Alert color="red" role="alert" data-testid="audit-broken" data-seq={b.seq}>
          {b.reason === 'truncated'
            ? t('audit.brokenTail', { previous })
            : t('audit.broken', { seq: b.seq, id: b.id ?? '—', at: b.at ?? '—' })}{' '}
          {t(`audit.reason.${b.reason}`, { previous })}
        </Alert>
      )}
      {error && <ErrorAlert error={error} />}
    </Stack>
  )
}
