import { Button, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { Language } from '@shared/settings/language'
import { fieldMessage } from '../forms/field-message'
import { api, session } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { AccountNameFields } from './AccountNameFields'
import { AuthScreen } from './AuthScreen'
import { PasswordFields } from './PasswordFields'

/**
 * Right after setup (or the first start of a desk set up before accounts existed): the
 * desk's first administrator. The key's recovery code is shown once afterwards.
 */
export function CreateAdministratorPage({
  language,
  onLanguage,
  onDone,
}: {
  language: Language
  onLanguage: (l: Language) => Promise<void>
  onDone: (recoveryCode: string | null) => void
}) {
  const { t } = useTranslation()
  const [fullName, setFullName] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<AppErrorData | null>(null)
  const [busy, setBusy] = useState(false)
  const field = (path: string) => fieldMessage(t, error, path)
  const create = async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const r = await api.call('auth.createAdministrator', { fullName, username, password })
      session.set(r.token)
      onDone(r.recoveryCode)
    } catch (err) {
      setError(errorDataOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <AuthScreen
      title={t('auth.firstAdminTitle')}
      subtitle={t('auth.firstAdminIntro')}
      language={language}
      onLanguage={onLanguage}
    >
      <form onSubmit={(e) => void create(e)}>
        <Stack gap="sm">
          <AccountNameFields
            fullName={fullName}
            username={username}
            onFullName={setFullName}
            onUsername={setUsername}
            errorAt={field}
            own
          />
          <PasswordFields
            value={password}
            confirm={confirm}
            onChange={setPassword}
            onConfirm={setConfirm}
            error={field('password')}
          />
          {error && !error.fields?.length && <ErrorAlert error={error} />}
          <Button type="submit" loading={busy} disabled={!password || password !== confirm}>
            {t('auth.createAdmin')}
          </Button>
        </Stack>
      </form>
    </AuthScreen>
  )
}
