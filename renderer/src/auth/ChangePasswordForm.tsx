import { Button, Group, Stack } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { fieldMessage } from '../forms/field-message'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { loginHandover } from './login-handover'
import { LtrPasswordInput } from './LtrPasswordInput'
import { PasswordFields } from './PasswordFields'

/**
 * One's own password: the current one, then the new one twice; Enter saves. Right after
 * logging in with a temporary password, the current one is the password just typed: it
 * is carried over from the login (in memory) and not asked again — unless the desk
 * refuses it, and then the field appears.
 */
export function ChangePasswordForm({
  onDone,
  onCancel,
}: {
  onDone: () => void
  onCancel?: () => void
}) {
  const { t } = useTranslation()
  const [carried, setCarried] = useState<string | null>(() => loginHandover.peek())
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<AppErrorData | null>(null)
  const [busy, setBusy] = useState(false)
  const field = (path: string) => fieldMessage(t, error, path)
  // The carried password is forgotten when this form closes, saved or not.
  useEffect(() => () => loginHandover.clear(), [])
  const ready = (carried ?? current) !== '' && next !== '' && next === confirm
  const save = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!ready || busy) return
    setBusy(true)
    setError(null)
    try {
      await api.call('auth.changePassword', { current: carried ?? current, next })
      loginHandover.clear()
      onDone()
    } catch (err) {
      const data = errorDataOf(err)
      // The carried password was refused: ask for it.
      if (carried !== null && data.fields?.some((f) => f.path === 'current')) setCarried(null)
      setError(data)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={(e) => void save(e)}>
      <Stack gap="sm">
        {carried === null && (
          <LtrPasswordInput
            label={t('auth.currentPassword')}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            autoComplete="current-password"
            error={field('current')}
            data-autofocus
            autoFocus
          />
        )}
        <PasswordFields
          value={next}
          confirm={confirm}
          onChange={setNext}
          onConfirm={setConfirm}
          error={field('next')}
          autoFocus={carried !== null}
        />
        {error && !error.fields?.length && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={busy} disabled={!ready}>
            {t('auth.savePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
