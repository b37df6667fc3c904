import { Button, Group, PasswordInput, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { fieldMessage } from '../forms/field-message'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { PasswordFields } from './PasswordFields'

/** One's own password: the current one, then the new one twice. */
export function ChangePasswordForm({
  onDone,
  onCancel,
}: {
  onDone: () => void
  onCancel?: () => void
}) {
  const { t } = useTranslation()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<AppErrorData | null>(null)
  const [busy, setBusy] = useState(false)
  const field = (path: string) => fieldMessage(t, error, path)
  const save = async () => {
    setBusy(true)
    setError(null)
    try {
      await api.call('auth.changePassword', { current, next })
      onDone()
    } catch (err) {
      setError(errorDataOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Stack gap="sm">
      <PasswordInput
        label={t('auth.currentPassword')}
        value={current}
        onChange={(e) => setCurrent(e.currentTarget.value)}
        autoComplete="current-password"
        dir="ltr"
        error={field('current')}
        data-autofocus
      />
      <PasswordFields
        value={next}
        confirm={confirm}
        onChange={setNext}
        onConfirm={setConfirm}
        error={field('next')}
      />
      {error && !error.fields?.length && <ErrorAlert error={error} />}
      <Group justify="flex-end">
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <Button
          onClick={() => void save()}
          loading={busy}
          disabled={!current || !next || next !== confirm}
        >
          {t('auth.savePassword')}
        </Button>
      </Group>
    </Stack>
  )
}
