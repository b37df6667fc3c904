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
 *
 * Keyboard first: the first match is highlighted, ↑/↓ move among the matches, Enter marks
 * the highlighted person present and empties the box for the next one, Escape empties it.
 * An Enter typed before the answer for what was typed has come acts on that answer.
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
  const [selected, setSelected] = useState(0)
  // Which query `found` answers; the query an Enter typed before its answer waits on.
  const [foundFor, setFoundFor] = useState('')
  const waiting = useRef<string | null>(null)
  const asked = useRef(0)
  const chooseFirst = useRef<(people: Invitee[]) => void>(() => undefined)
  const input = useRef<HTMLInputElement>(null)
  const typedNow = useRef('')
  typedNow.current = query
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
      const n = ++asked.current
      const answer = (people: Invitee[]) => {
        // Only the answer to the latest question is shown: a slower one is dropped.
        if (n !== asked.current) return
        setFound(people)
        setFoundFor(q.trim())
        setSelected(0)
        if (waiting.current === q.trim()) {
          waiting.current = null
          chooseFirst.current(people)
        }
      }
      if (q.trim().length < 2) return answer([])
      api.call('sessions.findAtDoor', { sessionId: session.id, query: q }).then(answer, fail)
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
    search(typedNow.current)
    onChange()
    input.current?.focus()
  }
  const checkIn = async (p: Invitee) => {
    setNotice(null)
    const typed = query
    try {
      await api.call('sessions.checkIn', { sessionId: session.id, artisanId: p.id })
      // The box empties for the next person, unless they are already being typed.
      if (typedNow.current === typed) {
        typedNow.current = ''
        setQuery('')
      }
      done(t('sessions.checkIn.done', { name: isolate(displayNames(p, i18n.language).primary) }))
    } catch (e) {
      fail(e)
    }
  }
  const choose = (p: Invitee | undefined) => {
    if (!p) return
    if (p.checkedInAt) {
      setError(null)
      setNotice(
        t('sessions.checkIn.already', { name: isolate(displayNames(p, i18n.language).primary) }),
      )
      return
    }
    void checkIn(p)
  }
  chooseFirst.current = (people) => choose(people[0])

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setSelected((s) => Math.min(s + 1, Math.max(found.length - 1, 0)))
    else if (e.key === 'ArrowUp') setSelected((s) => Math.max(s - 1, 0))
    else if (e.key === 'Escape') setQuery('')
    else if (e.key === 'Enter') {
      if (query.trim().length < 2) return
      if (foundFor === query.trim()) choose(found[selected])
      else {
        // The answer is on its way: the Enter acts on it when it comes.
        waiting.current = query.trim()
        search(query)
      }
    } else return
    e.preventDefault()
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
          onChange={(e) => {
            setQuery(e.currentTarget.value)
            waiting.current = null
          }}
          onKeyDown={onKeyDown}
          classNames={{ input: 'auto-input' }}
          aria-controls="door-results"
          description={t('sessions.checkIn.keyboardHint')}
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
          id="door-results"
          selected={foundFor === query.trim() ? selected : undefined}
          action={(p) =>
            p.checkedInAt
              ? null
              : { label: t('sessions.checkIn.markPresent'), onClick: () => void checkIn(p) }
          }
        />
      )}
      {query.trim().length >= 2 && foundFor === query.trim() && found.length === 0 && (
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
