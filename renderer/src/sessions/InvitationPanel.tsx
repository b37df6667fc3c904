import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import {
  MAX_INVITED_AT_ONCE,
  PATH_TARGETS,
  type Invitee,
  type PathTarget,
} from '@shared/sessions/attendance'
import type { Session } from '@shared/sessions/session'
import { useDesk } from '../app/desk-context'
import { api } from '../api/transport'
import { nameIn, useReference } from '../app/reference'
import { ErrorAlert } from '../components/ErrorAlert'
import { fromBase64, saveFile } from '../files/file-content'
import { PdfPreview } from '../printing/PdfPreview'
import { namedTitle } from '../printing/preview-title'
import { PeopleTable } from './PeopleTable'
import { useSessionFile } from './useSessionFile'
import { ChoiceMultiSelect } from '../components/ChoiceMultiSelect'
import { ChoiceSelect } from '../components/ChoiceSelect'

/**
 * Building the invitation list from the register: communes, activities and a stage of the
 * path (the session's targets to start with). The organiser sees how many match before
 * adding them; the list prints, and exports names and phones as CSV for SMS or calls.
 */
const PAGE = 100

export function InvitationPanel({ session, onChange }: { session: Session; onChange: () => void }) {
  const { t, i18n } = useTranslation()
  const { allows } = useDesk()
  const organiser = allows('sessions.invite')
  const lang = i18n.language
  const ref = useReference()
  const [communeCodes, setCommunes] = useState<string[]>(session.targetCommunes)
  const [activityCodes, setActivities] = useState<string[]>(session.targetActivities)
  const [pathTarget, setPathTarget] = useState<PathTarget>('not_registered')
  const [count, setCount] = useState<{
    matching: number
    alreadyInvited: number
    more: boolean
  } | null>(null)
  const [people, setPeople] = useState<{ total: number; items: Invitee[] }>({ total: 0, items: [] })
  const [error, setError] = useState<AppErrorData | null>(null)
  const [added, setAdded] = useState<number | null>(null)
  const file = useSessionFile()
  const filter = useMemo(
    () => ({ communeCodes, activityCodes, pathTarget }),
    [communeCodes, activityCodes, pathTarget],
  )

  const fail = (e: unknown) => setError(errorDataOf(e))
  const loadPeople = useCallback(() => {
    api
      .call('sessions.people', { sessionId: session.id, view: 'invited', limit: PAGE })
      .then(setPeople, fail)
  }, [session.id])
  const more = () => {
    api
      .call('sessions.people', {
        sessionId: session.id,
        view: 'invited',
        offset: people.items.length,
        limit: PAGE,
      })
      .then(
        (page) => setPeople((p) => ({ total: page.total, items: [...p.items, ...page.items] })),
        fail,
      )
  }
  useEffect(() => loadPeople(), [loadPeople])
  useEffect(() => {
    setCount(null)
    if (!organiser) return
    const timer = setTimeout(() => {
      api.call('sessions.invitationCount', { sessionId: session.id, filter }).then(setCount, fail)
    }, 200)
    return () => clearTimeout(timer)
  }, [session.id, filter, organiser])

  const invite = async () => {
    setError(null)
    try {
      const r = await api.call('sessions.invite', { sessionId: session.id, filter })
      setAdded(r.added)
      setCount((c) => c && { ...c, alreadyInvited: c.matching })
      loadPeople()
      onChange()
    } catch (e) {
      fail(e)
    }
  }
  const uninvite = async (p: Invitee) => {
    try {
      await api.call('sessions.uninvite', { sessionId: session.id, artisanIds: [p.id] })
      loadPeople()
      onChange()
    } catch (e) {
      fail(e)
    }
  }
  const exportCsv = async () => {
    try {
      const f = await api.call('sessions.invitationCsv', { sessionId: session.id })
      saveFile(f.fileName, fromBase64(f.base64), 'text/csv')
    } catch (e) {
      fail(e)
    }
  }
  const communes = useMemo(
    () => (ref?.communes ?? []).map((c) => ({ value: c.code, label: nameIn(lang, c) })),
    [ref, lang],
  )
  const activities = useMemo(
    () => (ref?.activities ?? []).map((a) => ({ value: a.code, label: nameIn(lang, a) })),
    [ref, lang],
  )
  const toAdd = count ? count.matching - count.alreadyInvited : 0

  return (
    <Stack gap="md">
      <Paper withBorder p="md" display={organiser ? undefined : 'none'}>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <ChoiceMultiSelect
              label={t('sessions.invite.communes')}
              placeholder={t('sessions.invite.anyCommune')}
              searchable
              data={communes}
              value={communeCodes}
              onChange={setCommunes}
              comboboxProps={{ withinPortal: true }}
            />
            <ChoiceMultiSelect
              label={t('sessions.invite.activities')}
              placeholder={t('sessions.invite.anyActivity')}
              searchable
              data={activities}
              value={activityCodes}
              onChange={setActivities}
              comboboxProps={{ withinPortal: true }}
            />
            <ChoiceSelect
              label={t('sessions.invite.pathTarget')}
              data={PATH_TARGETS.map((p) => ({ value: p, label: t(`sessions.target.${p}`) }))}
              value={pathTarget}
              onChange={(v) => v && setPathTarget(v as PathTarget)}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <Group justify="space-between">
            <Text size="sm" data-testid="invite-count">
              {count?.more
                ? t('errors.invite_over_limit', { max: MAX_INVITED_AT_ONCE })
                : count
                  ? t('sessions.invite.matching', {
                      count: count.matching,
                      already: count.alreadyInvited,
                    })
                  : t('sessions.invite.counting')}
            </Text>
            <Button
              onClick={() => void invite()}
              disabled={!count || count.more || toAdd <= 0 || session.status === 'cancelled'}
            >
              {count && toAdd <= 0
                ? t('sessions.invite.allInvited')
                : t('sessions.invite.add', { count: toAdd })}
            </Button>
          </Group>
          {added !== null && (
            <Text size="sm" c="teal" role="status">
              {t('sessions.invite.added', { count: added })}
            </Text>
          )}
        </Stack>
      </Paper>
      {error && <ErrorAlert error={error} />}
      <Group justify="space-between">
        <Text fw={600} data-testid="invited-total">
          {t('sessions.invitedCount', { count: people.total })}
        </Text>
        <Group gap="xs" display={organiser ? undefined : 'none'}>
          <Button
            variant="light"
            disabled={people.total === 0}
            onClick={() =>
              void file.open(
                () =>
                  api.call('sessions.attendanceSheet', {
                    sessionId: session.id,
                    lang: lang === 'ar' ? 'ar' : 'fr',
                    blankRows: 0,
                  }),
                namedTitle(t, t('printing.title.invitedList'), session.title),
              )
            }
          >
            {t('sessions.invite.print')}
          </Button>
          <Button variant="light" disabled={people.total === 0} onClick={() => void exportCsv()}>
            {t('sessions.invite.csv')}
          </Button>
        </Group>
      </Group>
      {people.items.length > 0 && (
        <PeopleTable
          people={people.items}
          testId="invitee-row"
          action={(p) =>
            p.checkedInAt || !organiser
              ? null
              : {
                  label: t('sessions.invite.remove'),
                  color: 'red',
                  onClick: () => void uninvite(p),
                }
          }
        />
      )}
      {people.items.length < people.total && (
        <Button variant="subtle" w="fit-content" onClick={more}>
          {t('sessions.people.more', { count: people.total - people.items.length })}
        </Button>
      )}
      {file.error && <ErrorAlert error={file.error} />}
      {file.preview && <PdfPreview document={file.preview} onClose={file.close} />}
    </Stack>
  )
}
