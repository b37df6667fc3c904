import { Button, Group, Modal, Stack, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { Session } from '@shared/sessions/session'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'

/**
 * Closing a session: held (once its day has come), cancelled (with the reason, kept in the
 * report), or back to planned when either was a mistake.
 */
export function StatusActions({
  session,
  onChanged,
}: {
  session: Session
  onChanged: (s: Session) => void
}) {
  const { t } = useTranslation()
  const [cancelling, setCancelling] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<AppErrorData | null>(null)
  const set = async (status: Session['status'], why: string | null = null) => {
    setError(null)
    try {
      onChanged(await api.call('sessions.setStatus', { id: session.id, status, reason: why }))
      setCancelling(false)
    } catch (e) {
      setError(errorDataOf(e))
    }
  }
  const reasonError = error?.fields?.find((f) => f.path === 'reason')
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {session.status === 'planned' ? (
          <>
            <Button color="teal" onClick={() => void set('held')}>
              {t('sessions.markHeld')}
            </Button>
            <Button variant="default" color="red" onClick={() => setCancelling(true)}>
              {t('sessions.cancel')}
            </Button>
          </>
        ) : (
          <Button variant="default" onClick={() => void set('planned')}>
            {t('sessions.backToPlanned')}
          </Button>
        )}
      </Group>
      {error && !cancelling && <ErrorAlert error={error} />}
      {cancelling && (
        <Modal opened onClose={() => setCancelling(false)} title={t('sessions.cancelTitle')}>
          <Stack>
            <Textarea
              label={t('sessions.cancelReason')}
              value={reason}
              data-autofocus
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError ? t(reasonError.key) : undefined}
              classNames={{ input: 'auto-input' }}
            />
            {error && !reasonError && <ErrorAlert error={error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCancelling(false)}>
                {t('common.close')}
              </Button>
              <Button color="red" onClick={() => void set('cancelled', reason)}>
                {t('sessions.confirmCancel')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  )
}
