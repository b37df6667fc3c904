import { useEffect, useState } from 'react'
import { DirectionProvider, MantineProvider, Center } from '@mantine/core'
import type { AppErrorData } from '@shared/errors'
import type { DeskProfile } from '@shared/settings/desk-profile'
import { DEFAULT_LANGUAGE, directionOf, type Language } from '@shared/settings/language'
import { AuthGate } from '../auth/AuthGate'
import { hostLink, type HostLink } from '../api/host-link'
import { ErrorAlert } from '../components/ErrorAlert'
import { HostLost } from './HostLost'
import { SetupPage } from '../pages/SetupPage'
import { theme } from './theme'
import { useLanguage } from './useLanguage'

interface Props {
  initialStatus: { done: boolean; language: Language } | null
}

export function App({ initialStatus }: Props) {
  const language = initialStatus?.language ?? DEFAULT_LANGUAGE
  const [link, setLink] = useState<HostLink>(hostLink.get())
  useEffect(() => hostLink.subscribe(setLink), [])
  return (
    <DirectionProvider initialDirection={directionOf(language)} detectDirection={false}>
      <MantineProvider theme={theme}>
        <Desk initialStatus={initialStatus} initialLanguage={language} />
        {link !== 'ok' && <HostLost link={link} reloadOnReturn={!initialStatus} />}
      </MantineProvider>
    </DirectionProvider>
  )
}

/** First run sets the desk up; from then on, the accounts gate opens it. */
function Desk({ initialStatus, initialLanguage }: Props & { initialLanguage: Language }) {
  const [language, changeLanguage] = useLanguage(initialLanguage)
  const [setupDone, setSetupDone] = useState(initialStatus?.done ?? false)
  const [profile, setProfile] = useState<DeskProfile | null>(null)
  const error: AppErrorData | null = initialStatus
    ? null
    : { code: 'internal', key: 'errors.network' }

  if (error) {
    return (
      <Center mih="100vh" p="xl">
        <ErrorAlert error={error} onRetry={() => window.location.reload()} />
      </Center>
    )
  }
  if (!setupDone) {
    return (
      <SetupPage
        language={language}
        onLanguage={changeLanguage}
        onDone={(p) => {
          setProfile(p)
          setSetupDone(true)
        }}
      />
    )
  }
  return <AuthGate language={language} onLanguage={changeLanguage} initialProfile={profile} />
}
