import { useEffect, useMemo, useState } from 'react'
import { DirectionProvider, MantineProvider, Center, Loader } from '@mantine/core'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { DeskProfile } from '@shared/settings/desk-profile'
import { DEFAULT_LANGUAGE, directionOf, type Language } from '@shared/settings/language'
import { api } from '../api/transport'
import { ErrorAlert } from '../components/ErrorAlert'
import { SetupPage } from '../pages/SetupPage'
import { DeskContext, type DeskState } from './desk-context'
import { Shell } from './Shell'
import { theme } from './theme'
import { useLanguage } from './useLanguage'

interface Props {
  initialStatus: { done: boolean; language: Language } | null
}

export function App({ initialStatus }: Props) {
  const language = initialStatus?.language ?? DEFAULT_LANGUAGE
  return (
    <DirectionProvider initialDirection={directionOf(language)} detectDirection={false}>
      <MantineProvider theme={theme}>
        <Desk initialStatus={initialStatus} initialLanguage={language} />
      </MantineProvider>
    </DirectionProvider>
  )
}

function Desk({ initialStatus, initialLanguage }: Props & { initialLanguage: Language }) {
  const [language, changeLanguage] = useLanguage(initialLanguage)
  const [profile, setProfile] = useState<DeskProfile | null>(null)
  const [error, setError] = useState<AppErrorData | null>(
    initialStatus ? null : { code: 'internal', key: 'errors.network' },
  )
  const [loading, setLoading] = useState(initialStatus?.done ?? false)

  useEffect(() => {
    if (!initialStatus?.done) return
    api
      .call('settings.get', {})
      .then(setProfile)
      .catch((e: unknown) => setError(errorDataOf(e)))
      .finally(() => setLoading(false))
  }, [initialStatus])

  const desk: DeskState | null = useMemo(
    () => (profile ? { profile, setProfile, language, changeLanguage } : null),
    [profile, language, changeLanguage],
  )

  if (error) {
    return (
      <Center mih="100vh" p="xl">
        <ErrorAlert error={error} onRetry={() => window.location.reload()} />
      </Center>
    )
  }
  if (loading) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    )
  }
  if (!desk) {
    return <SetupPage language={language} onLanguage={changeLanguage} onDone={setProfile} />
  }
  return (
    <DeskContext.Provider value={desk}>
      <Shell />
    </DeskContext.Provider>
  )
}
