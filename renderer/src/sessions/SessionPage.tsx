import { Anchor, Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import { ltrNumbers } from '@shared/text/bidi'
import type { Outcomes } from '@shared/sessions/attendance'
import type { Session } from '@shared/sessions/session'
import { useDesk } from '../app/desk-context'
import { api } from '../api/transport'
import { nameIn, useReference } from '../app/reference'
import { hrefOf } from '../app/sections'
import { ErrorAlert } from '../components/ErrorAlert'
import { Ltr } from '../components/Ltr'
import { CheckInPanel } from './CheckInPanel'
import { InvitationPanel } from './InvitationPanel'
import { MaterialsPanel } from './MaterialsPanel'
import { OutcomesCard } from './OutcomesCard'
import { dayText, hours, STATUS_COLORS } from './session-display'
import { SessionFormModal } from './SessionFormModal'
import { StatusActions } from './StatusActions'

/**
 * One session: what, when, where, with whom; then its invitation list, the check-in at
 * the door, the materials to print and what it achieved.
 */
export function SessionPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const { allows } = useDesk()
  const lang = i18n.language
  const ref = useReference()
  const [session, setSession] = useState<Session | null>(null)
  const [outcomes, setOutcomes] = useState<Outcomes | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const [editing, setEditing] = useState(false)

  const load = useCallback(() => {
    api.call('sessions.get', { id }).then(setSession, (e: unknown) => setError(errorDataOf(e)))
    api.call('sessions.outcomes', { sessionId: id }).then(setOutcomes, () => undefined)
  }, [id])
  useEffect(load, [load])

  if (error) return <ErrorAlert error={error} onRetry={load} />
  if (!session) return <Loader />
  const place = [
    ...new Set([
      session.venue,
      nameIn(lang, ref?.commune.get(session.communeCode ?? '')),
      nameIn(lang, ref?.province.get(session.provinceCode ?? '')),
    ]),
  ]
    .filter(Boolean)
    .join(' · ')

  return (
    <Stack gap="md">
      <Anchor href={hrefOf.section('sessions')} size="sm">
        {t('sessions.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{session.title}</Title>
            <Badge
              color={STATUS_COLORS[session.status]}
              variant="light"
              data-testid="session-status"
            >
              {t(`sessions.status.${session.status}`)}
            </Badge>
          </Group>
          <Text>
            {t(`sessions.kind.${session.kind}`)} · {dayText(session.startsAt, lang)} ·{' '}
            <Ltr>{hours(session)}</Ltr>
          </Text>
          {place && <Text c="dimmed">{place}</Text>}
          {session.partners.length > 0 && (
            <Text size="sm" data-testid="session-partners">
              {t('sessions.withPartners')}{' '}
              {session.partners.map((p, i) => (
                <span key={i}>
                  {i > 0 && ' · '}
                  <bdi>
                    {p.name}
                    {p.contact && ` (${ltrNumbers(p.contact)})`}
                  </bdi>
                </span>
              ))}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {[
              t('sessions.languages', {
                list: session.languages.map((l) => t(`sessions.language.${l}`)).join(' · '),
              }),
              session.capacity ? t('sessions.capacity', { count: session.capacity }) : '',
              session.organiser,
            ]
              .filter(Boolean)
              .join(' — ')}
          </Text>
          {session.caravanId && (
            <Anchor href={hrefOf.caravan(session.caravanId)} size="sm">
              {t('sessions.partOfCaravan')}
            </Anchor>
          )}
          {session.cancelReason && (
            <Text size="sm" c="red">
              {t('sessions.cancelledBecause', { reason: session.cancelReason })}
            </Text>
          )}
        </Stack>
        <Stack gap="xs" align="flex-end" display={allows('sessions.update') ? undefined : 'none'}>
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('sessions.edit')}
          </Button>
          <StatusActions
            session={session}
            onChanged={(s) => {
              setSession(s)
              load()
            }}
          />
        </Stack>
      </Group>
      <Tabs defaultValue="invitations" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="invitations">
            {t('sessions.tab.invitations')}{' '}
            <Badge size="xs" variant="light">
              {session.invited}
            </Badge>
          </Tabs.Tab>
          <Tabs.Tab value="checkin" display={allows('sessions.checkIn') ? undefined : 'none'}>
            {t('sessions.tab.checkIn')}{' '}
            <Badge size="xs" variant="light">
              {session.attended}
            </Badge>
          </Tabs.Tab>
          <Tabs.Tab value="materials">{t('sessions.tab.materials')}</Tabs.Tab>
          <Tabs.Tab value="outcomes">{t('sessions.tab.outcomes')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationPanel session={session} onChange={load} />
        </Tabs.Panel>
        <Tabs.Panel value="checkin" pt="md">
          <CheckInPanel session={session} onChange={load} />
        </Tabs.Panel>
        <Tabs.Panel value="materials" pt="md">
          <MaterialsPanel session={session} />
        </Tabs.Panel>
        <Tabs.Panel value="outcomes" pt="md">
          {outcomes && <OutcomesCard outcomes={outcomes} />}
        </Tabs.Panel>
      </Tabs>
      {editing && (
        <SessionFormModal
          existing={session}
          onClose={() => setEditing(false)}
          onSaved={(s) => {
            setEditing(false)
            setSession(s)
          }}
        />
      )}
    </Stack>
  )
}
