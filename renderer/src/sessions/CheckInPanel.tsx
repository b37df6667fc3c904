import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { Invitee } from '@shared/sessions/attendance'
import type { Session } from '@shared/sessions/session'
import { isolate } from '@shared/text/bidi'
import { api } from '../api/transport'
import { displayNames } from '../artisans/display'
import { ErrorAlert } from '../components/ErrorAlert'
import { PeopleTable } from './PeopleTable'
import { WalkInModal } from './WalkInModal'

/**
 * At the door: type a CIN, a phone or part of a name, mark the person present; someone
 * unknown is identified on the spot as a walk-in. Works on the desk's own register, so
 * it needs no connection. Those present are listed below, newest first, with an undo.
 */
export function CheckInPanel({ session, onChange }: { session: Session; onChange: () => void }) {
  const { t, i18n } = useTranslation()
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Invitee[]>([])
  const [present, setPresent] = useState<{ total: number; items: Invitee[] }>({
    total: 0,
    items: [],
  })
  const [error, setError] = useState<AppErrorData | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [walkIn, setWalkIn] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const fail = (e: unknown) => setError(errorDataOf(e))

  const loadPresent = useCallback(() => {
    api
      .call('sessions.people', { sessionId: session.id, view: 'attended', limit: 500 })
      .then(setPresent, fail)
  }, [session.id])
  useEffect(loadPresent, [loadPresent])
  useEffect(() => input.current?.focus(), [])

  const search = useCallback(
    (q: string) => {
      if (q.trim().length < 2) return setFound([])
      api.call('sessions.findAtDoor', { sessionId: session.id, query: q }).then(setFound, fail)
    },
    [session.id],
  )
  useEffect(() => {
    const timer = setTimeout(() => search(query), 150)
    return () => clearTimeout(timer)
  }, [query, search])

  const done = (message: string) => {
    setNotice(message)
    setError(null)
    loadPresent()
    search(query)
    onChange()
    input.current?.focus()
  }
  const checkIn = async (p: Invitee) => {
    setNotice(null)
    try {
      await api.call('sessions.checkIn', { sessionId: session.id, artisanId: p.id })
      done(t('sessions.checkIn.done', { name: isolate(displayNames(p, i18n.language).primary) }))
      setQuery('')
    } catch (e) {
      fail(e)
    }
  }
  const undo = async (p: Invitee) => {
    try {
      await api.call('sessions.undoCheckIn', { sessionId: session.id, artisanId: p.id })
      done(t('sessions.checkIn.undone', { name: isolate(displayNames(p, i18n.language).primary) }))
    } catch (e) {
      fail(e)
    }
  }

  return (
    <Stack gap="md">
      <Group align="flex-end">
        <TextInput
          ref={input}
          size="md"
          style={{ flex: 1 }}
          label={t('sessions.checkIn.search')}
          placeholder={t('counter.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          classNames={{ input: 'auto-input' }}
        />
        <Button
          variant="light"
          onClick={() => setWalkIn(true)}
          disabled={session.status === 'cancelled'}
        >
          {t('sessions.checkIn.walkIn')}
        </Button>
      </Group>
      {notice && (
        <Alert color="teal" role="status" data-testid="check-in-notice">
          {notice}
        </Alert>
      )}
      {error && <ErrorAlert error={error} />}
      {found.length > 0 && (
        <PeopleTable
          people={found}
          testId="door-result"
          action={(p) =>
            p.checkedInAt
              ? null
              : { label: t('sessions.checkIn.markPresent'), onClick: () => void checkIn(p) }
          }
        />
      )}
      {query.trim().length >= 2 && found.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('sessions.checkIn.notFound')}
        </Text>
      )}
      <Text fw={600} data-testid="present-total">
        {t('sessions.attendedCount', { count: present.total })}
      </Text>
      {present.items.length > 0 && (
        <PeopleTable
          people={present.items}
          testId="present-row"
          action={(p) => ({
            label: t('sessions.checkIn.undo'),
            color: 'gray',
            onClick: () => void undo(p),
          })}
        />
      )}
      {walkIn && (
        <WalkInModal
          sessionId={session.id}
          defaultCommune={session.communeCode}
          onClose={() => setWalkIn(false)}
          onDone={(r) => {
            setWalkIn(false)
            done(
              t(
                r.linkedExisting
                  ? 'sessions.checkIn.linkedExisting'
                  : 'sessions.checkIn.walkInDone',
                {
                  name: isolate(r.name),
                },
              ),
            )
          }}
        />
      )}
    </Stack>
  )
}
