import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '@shared/sessions/session'
import { api } from '../api/transport'
import { nameIn, useReference } from '../app/reference'
import { hrefOf } from '../app/sections'
import { Ltr } from '../components/Ltr'
import { dayText, hours, localToday } from './session-display'
import { SessionCalendar } from './SessionCalendar'

/**
 * On the home screen: the next sessions and caravan stops, and this month's calendar, so
 * the counter knows who is expected and where the chamber goes next.
 */
const SHOWN = 5

export function UpcomingSessions() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const ref = useReference()
  const [sessions, setSessions] = useState<Session[]>([])
  useEffect(() => {
    const from = new Date(Date.now() - 45 * 864e5).toISOString().slice(0, 10)
    api.call('sessions.list', { from }).then(setSessions, () => undefined)
  }, [])
  const today = localToday()
  const next = sessions
    .filter((s) => s.startsAt.slice(0, 10) >= today && s.status !== 'cancelled')
    .slice(0, SHOWN)

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Paper withBorder p="md" data-testid="upcoming-sessions">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3} size="h5">
              {t('sessions.home.upcoming')}
            </Title>
            <Anchor href={hrefOf.section('sessions')} size="sm">
              {t('sessions.home.all')}
            </Anchor>
          </Group>
          {next.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('sessions.noneUpcoming')}
            </Text>
          )}
          {next.map((s) => (
            <Anchor key={s.id} href={hrefOf.session(s.id)} underline="never" c="inherit">
              <Stack gap={0} className="upcoming-item">
                <Text size="sm" fw={600}>
                  {s.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {dayText(s.startsAt, lang)} · <Ltr>{hours(s)}</Ltr> ·{' '}
                  {nameIn(lang, ref?.commune.get(s.communeCode ?? '')) || s.venue} ·{' '}
                  {t('sessions.invitedCount', { count: s.invited })}
                </Text>
              </Stack>
            </Anchor>
          ))}
        </Stack>
      </Paper>
      <SessionCalendar sessions={sessions} compact />
    </SimpleGrid>
  )
}
