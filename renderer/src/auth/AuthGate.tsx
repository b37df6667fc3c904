import { Center, Loader } from '@mantine/core'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuthStatus } from '@shared/accounts/account'
import type { Role } from '@shared/api/roles'
import { contract, type MethodName } from '@shared/api/contract'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { DeskProfile } from '@shared/settings/desk-profile'
import type { Language } from '@shared/settings/language'
import { api, session } from '../api/transport'
import { DeskContext, type DeskState } from '../app/desk-context'
import { beginVisit, endVisit, ensureVisit, installHistoryGuard } from '../app/desk-history'
import { Shell } from '../app/Shell'
import { keepDrafts } from '../artisans/draft-keeper'
import { ErrorAlert } from '../components/ErrorAlert'
import { AuthScreen } from './AuthScreen'
import { ChangePasswordForm } from './ChangePasswordForm'
import { CreateAdministratorPage } from './CreateAdministratorPage'
import { LockScreen } from './LockScreen'
import { LoginPage } from './LoginPage'
import { RecoveryCodeStep } from './RecoveryCodeStep'
import { useIdleLock } from './useIdleLock'

/**
 * Between a set-up desk and its screens: the first administrator if there is none yet,
 * the login, a new password when one must be chosen; then the shell, under the idle
 * lock. A call refused because the session ended or locked brings back the right screen.
 */
export function AuthGate({
  language,
  onLanguage,
  initialProfile,
}: {
  language: Language
  onLanguage: (l: Language) => Promise<void>
  initialProfile: DeskProfile | null
}) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<AuthStatus | null>(null)
  const [profile, setProfile] = useState<DeskProfile | null>(initialProfile)
  const [error, setError] = useState<AppErrorData | null>(null)
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null)
  // One person's visit, from login to logout: the shell is drawn afresh for each, at home.
  const [visit, setVisit] = useState<string | null>(null)
  useEffect(installHistoryGuard, [])

  const refresh = useCallback(() => {
    api.call('auth.status', {}).then(setStatus, (e: unknown) => setError(errorDataOf(e)))
  }, [])
  useEffect(refresh, [refresh])
  useEffect(() => {
    const onAuth = () => refresh()
    window.addEventListener('sijill:auth', onAuth)
    return () => window.removeEventListener('sijill:auth', onAuth)
  }, [refresh])

  const user = status?.user ?? null
  const ready = user !== null && !user.mustChangePassword
  const loggedOut = status !== null && user === null
  useEffect(() => {
    // Nobody at the desk: nothing of the last person's screens stays in the address.
    if (loggedOut) {
      endVisit()
      setVisit(null)
    }
  }, [loggedOut])
  useEffect(() => {
    // A session already open when the page loaded (a reload) keeps its visit.
    if (ready && !visit) setVisit(ensureVisit())
  }, [ready, visit])
  const loggedIn = useCallback(() => {
    setVisit(beginVisit())
    refresh()
  }, [refresh])
  useEffect(() => {
    if (!ready || profile) return
    api.call('settings.get', {}).then(setProfile, (e: unknown) => {
      const data = errorDataOf(e)
      // A session that ended meanwhile brings back the login, not an error page.
      if (data.code === 'unauthorized') refresh()
      else setError(data)
    })
  }, [ready, profile, refresh])

  const logout = useCallback(() => {
    // A half-filled registration on screen is kept as its author's draft first.
    void keepDrafts().finally(() => {
      setStatus((st) => (st ? { ...st, user: null, locked: false } : st))
      endVisit()
      setVisit(null)
      void api.call('auth.logout', {}).finally(() => {
        session.set(null)
        setProfile(null)
        refresh()
      })
    })
  }, [refresh])
  const lock = useCallback(() => {
    void api.call('auth.lock', {}).finally(refresh)
  }, [refresh])
  useIdleLock(status?.idleMinutes ?? 5, ready && !status?.locked, () =>
    setStatus((s) => (s ? { ...s, locked: true } : s)),
  )

  const desk: DeskState | null = useMemo(
    () =>
      profile && user
        ? {
            profile,
            setProfile,
            language,
            changeLanguage: onLanguage,
            user,
            can: (roles: readonly Role[]) => roles.some((r) => user.roles.includes(r)),
            allows: (method: MethodName) => {
              const roles = contract[method].roles
              return roles === 'anyone' || roles.some((r) => user.roles.includes(r))
            },
            lock,
            logout,
          }
        : null,
    [profile, user, language, onLanguage, lock, logout],
  )

  if (error)
    return (
      <Center mih="100vh" p="xl">
        <ErrorAlert error={error} onRetry={() => window.location.reload()} />
      </Center>
    )
  if (!status)
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    )
  const frame = { language, onLanguage }
  if (!status.hasUsers)
    return (
      <CreateAdministratorPage
        {...frame}
        onDone={(code) => {
          setRecoveryCode(code)
          loggedIn()
        }}
      />
    )
  if (recoveryCode)
    return <RecoveryCodeStep {...frame} code={recoveryCode} onDone={() => setRecoveryCode(null)} />
  if (!user) return <LoginPage {...frame} onDone={loggedIn} />
  if (user.mustChangePassword)
    return (
      <AuthScreen
        title={t('auth.choosePasswordTitle')}
        subtitle={t('auth.choosePasswordIntro')}
        {...frame}
      >
        <ChangePasswordForm onDone={refresh} />
      </AuthScreen>
    )
  if (!desk || !visit)
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    )
  return (
    <DeskContext.Provider value={desk}>
      <Shell key={visit} />
      {status.locked && <LockScreen user={user} onUnlocked={refresh} onLogout={logout} />}
    </DeskContext.Provider>
  )
}
