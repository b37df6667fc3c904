import { Button, Group, Loader, Overlay, Paper, Stack, Text, Title } from '@mantine/core'
import { useCallback, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/transport'
import type { HostLink } from '../api/host-link'

const POLL_MS = 3000

/**
 * The page lost its browser host, over whatever it showed. `unreachable`: the host stopped
 * or restarts — the page asks again every few seconds, and as soon as the host answers
 * this screen goes (the page's next call meets the login screen if the host restarted:
 * logins end with its process); "Try now" asks at once. `token`: the host answers but not
 * to this page's address — the screen says to open the newly printed one, and offers no
 * retry, which could never work.
 */
export function HostLost({
  link,
  reloadOnReturn,
}: {
  link: Exclude<HostLink, 'ok'>
  /** The page never started (its first call failed): reload it when the host is back. */
  reloadOnReturn: boolean
}) {
  const { t } = useTranslation()
  const probe = useCallback(() => {
    api.call('setup.status', {}).then(
      () => {
        if (reloadOnReturn) window.location.reload()
      },
      () => undefined, // still down, or the token refused: the link says which
    )
  }, [reloadOnReturn])
  useEffect(() => {
    if (link !== 'unreachable') return
    const timer = window.setInterval(probe, POLL_MS)
    return () => window.clearInterval(timer)
  }, [link, probe])

  return (
    <Overlay fixed center color="#fff" backgroundOpacity={0.97} zIndex={1000} p="xl">
      <Paper
        withBorder
        p="xl"
        maw={640}
        w="100%"
        role="alert"
        data-testid="host-lost"
        data-link={link}
      >
        <Stack gap="md">
          <Title order={2} size="h3">
            {t(link === 'token' ? 'host.restarted.title' : 'host.lost.title')}
          </Title>
          <Text>{t(link === 'token' ? 'host.restarted.body' : 'host.lost.body')}</Text>
          {link === 'unreachable' && (
            <Group gap="sm">
              <Loader size="sm" />
              <Text size="sm" c="dimmed">
                {t('host.lost.waiting')}
              </Text>
              <Button variant="light" size="xs" onClick={probe}>
                {t('host.lost.tryNow')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </Overlay>
  )
}
