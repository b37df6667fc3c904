import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/transport'
import { hrefOf } from '../app/sections'
import { dayText } from './session-display'

type Attended = Awaited<ReturnType<typeof api.call<'sessions.ofArtisan'>>>

/** On an artisan's file: the awareness sessions they came to, walk-in or invited. */
export function ArtisanSessionsCard({ artisanId }: { artisanId: string }) {
  const { t, i18n } = useTranslation()
  const [sessions, setSessions] = useState<Attended>([])
  useEffect(() => {
    api.call('sessions.ofArtisan', { artisanId }).then(setSessions, () => undefined)
  }, [artisanId])
  return (
    <Paper withBorder p="md" data-testid="artisan-sessions">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('artisan.sessions')}
        </Title>
        {sessions.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('artisan.noSessions')}
          </Text>
        )}
        {sessions.map((s) => (
          <Group key={s.sessionId} gap="xs" justify="space-between" wrap="nowrap">
            <Anchor href={hrefOf.session(s.sessionId)} size="sm">
              {s.title}
            </Anchor>
            <Group gap={4} wrap="nowrap">
              <Text size="xs" c="dimmed">
                {dayText(s.startsAt, i18n.language, false)}
              </Text>
              {s.walkIn && (
                <Badge size="xs" variant="light">
                  {t('sessions.people.walkIn')}
                </Badge>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
    </Paper>
  )
}
