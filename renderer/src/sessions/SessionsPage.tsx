import { Button, Group, Stack, Tabs, Title } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { Session } from '@shared/sessions/session'
import { useDesk } from '../app/desk-context'
import { api } from '../api/transport'
import { hrefOf } from '../app/sections'
import { navigate } from '../app/useRoute'
import { ErrorAlert } from '../components/ErrorAlert'
import { CaravansPanel } from './CaravansPanel'
import { HandoutTextsPanel } from './HandoutTextsPanel'
import { localToday } from './session-display'
import { SessionCalendar } from './SessionCalendar'
import { SessionFormModal } from './SessionFormModal'
import { SessionTable } from './SessionTable'

/**
 * Awareness sessions: the ones coming (a list and a month calendar), the ones past, the
 * caravans and the chamber's handout texts. "Plan a session" opens the planning form; a
 * planned session opens on its own page (invitations, check-in, materials, outcomes).
 */
export function SessionsPage() {
  const { t } = useTranslation()
  const { allows } = useDesk()
  const [sessions, setSessions] = useState<Session[] | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const [planning, setPlanning] = useState(false)
  const today = localToday()

  const load = useCallback(() => {
    api.call('sessions.list', {}).then(setSessions, (e: unknown) => setError(errorDataOf(e)))
  }, [])
  useEffect(load, [load])

  const upcoming = (sessions ?? []).filter((s) => s.startsAt.slice(0, 10) >= today)
  const past = (sessions ?? []).filter((s) => s.startsAt.slice(0, 10) < today).reverse()

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('pages.sessions.title')}</Title>
        {allows('sessions.plan') && (
          <Button onClick={() => setPlanning(true)}>{t('sessions.plan')}</Button>
        )}
      </Group>
      {error && <ErrorAlert error={error} onRetry={load} />}
      <Tabs defaultValue="upcoming" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="upcoming">{t('sessions.tab.upcoming')}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t('sessions.tab.calendar')}</Tabs.Tab>
          <Tabs.Tab value="past">{t('sessions.tab.past')}</Tabs.Tab>
          <Tabs.Tab value="caravans">{t('sessions.tab.caravans')}</Tabs.Tab>
          <Tabs.Tab value="handouts">{t('sessions.tab.handouts')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="upcoming" pt="md">
          {sessions && <SessionTable sessions={upcoming} empty={t('sessions.noneUpcoming')} />}
        </Tabs.Panel>
        <Tabs.Panel value="calendar" pt="md">
          <SessionCalendar sessions={sessions ?? []} />
        </Tabs.Panel>
        <Tabs.Panel value="past" pt="md">
          {sessions && <SessionTable sessions={past} empty={t('sessions.nonePast')} />}
        </Tabs.Panel>
        <Tabs.Panel value="caravans" pt="md">
          <CaravansPanel />
        </Tabs.Panel>
        <Tabs.Panel value="handouts" pt="md">
          <HandoutTextsPanel />
        </Tabs.Panel>
      </Tabs>
      {planning && (
        <SessionFormModal
          existing={null}
          onClose={() => setPlanning(false)}
          onSaved={(s) => {
            setPlanning(false)
            navigate(hrefOf.session(s.id))
          }}
        />
      )}
    </Stack>
  )
}
