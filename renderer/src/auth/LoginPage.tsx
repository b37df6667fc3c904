import { Button, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { Language } from '@shared/settings/language'
import { api, session } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { AuthScreen } from './AuthScreen'
import { loginHandover } from './login-handover'
import { LtrPasswordInput } from './LtrPasswordInput'

/**
 * Who sits at the desk: username and password (five wrong ones lock the account a while).
 * A temporary password is handed on to the "choose your password" screen that follows, so
 * that it is not typed twice.
 */
export function LoginPage({
  language,
  onLanguage,
  onDone,
}: {
  language: Language
  onLanguage: (l: Language) => Promise<void>
  onDone: () => void
}) {
  const { t } = useTranslation()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<AppErrorData | null>(null)
  const [busy, setBusy] = useState(false)
  const login = async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const r = await api.call('auth.login', { username, password })
      session.set(r.token)
      loginHandover.set(password, r.user.mustChangePassword)
      onDone()
    } catch (err) {
      setError(errorDataOf(err))
      setPassword('')
    } finally {
      setBusy(false)
    }
  }
  return (
    <AuthScreen title={t('auth.loginTitle')} language={language} onLanguage={onLanguage}>
      <form onSubmit={(e) => void login(e)}>
        <Stack gap="sm">
          <TextInput
            label={t('auth.username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            autoComplete="username"
            dir="ltr"
            data-autofocus
            autoFocus
          />
          <LtrPasswordInput
            label={t('auth.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
          />
          {error && <ErrorAlert error={error} />}
          <Button type="submit" loading={busy} disabled={!username.trim() || !password}>
            {t('auth.login')}
          </Button>
        </Stack>
      </form>
    </AuthScreen>
  )
}
