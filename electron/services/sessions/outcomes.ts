import { todayIso } from '@shared/artisans/birth-date'
import { OUTCOME_WINDOWS, type Outcomes } from '@shared/sessions/attendance'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { getSession } from './sessions'

/**
 * What sessions achieved (issue 6): who was invited and who came, the walk-ins identified
 * at the door, and — counted from the register's path history — how many of those who
 * came took a step of the path within 30 and 90 days of their session: registered in the
 * RNA, pre-registered with the CNSS, covered by AMO. A person who came to two stops of a
 * caravan counts once. A window that has not closed yet is marked open.
 */
const STEPS = {
  registered: 'rna_registered',
  cnssPreRegistered: 'cnss_pre_registered',
  amoCovered: 'amo_covered',
} as const

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ')

function counts(db: Db, ids: string[]) {
  const list = placeholders(ids.length)
  return sql(
    db,
    `SELECT
       (SELECT count(DISTINCT artisan_id) FROM session_invitee WHERE session_id IN (${list})) AS invited,
       (SELECT count(DISTINCT artisan_id) FROM session_attendance WHERE session_id IN (${list})) AS attended,
       (SELECT count(DISTINCT a.artisan_id) FROM session_attendance a
          JOIN session_invitee i ON i.session_id = a.session_id AND i.artisan_id = a.artisan_id
         WHERE a.session_id IN (${list})) AS invitedAttended,
       (SELECT count(DISTINCT artisan_id) FROM session_attendance
         WHERE walk_in = 1 AND session_id IN (${list})) AS walkIns`,
  ).get(...ids, ...ids, ...ids, ...ids) as Omit<Outcomes, 'windows'>
}

function stepCount(db: Db, ids: string[], step: string, days: number): number {
  const row = sql(
    db,
    `SELECT count(DISTINCT a.artisan_id) AS n
       FROM session_attendance a
       JOIN session s ON s.id = a.session_id
       JOIN artisan_event e ON e.artisan_id = a.artisan_id
      WHERE a.session_id IN (${placeholders(ids.length)})
        AND e.step = ?
        AND e.happened_on >= substr(s.starts_at, 1, 10)
        AND e.happened_on <= date(substr(s.starts_at, 1, 10), '+' || ? || ' days')`,
  ).get(...ids, step, days) as { n: number }
  return row.n
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Outcomes over a set of sessions (one session, or a caravan's stops). */
export function outcomesOf(db: Db, sessionIds: string[], today: string = todayIso()): Outcomes {
  if (sessionIds.length === 0)
    return {
      invited: 0,
      attended: 0,
      invitedAttended: 0,
      walkIns: 0,
      windows: OUTCOME_WINDOWS.map((days) => ({
        days,
        open: false,
        registered: 0,
        cnssPreRegistered: 0,
        amoCovered: 0,
      })),
    }
  const last = sql(
    db,
    `SELECT max(substr(starts_at, 1, 10)) AS day FROM session WHERE id IN (${placeholders(sessionIds.length)})`,
  ).get(...sessionIds) as { day: string | null }
  return {
    ...counts(db, sessionIds),
    windows: OUTCOME_WINDOWS.map((days) => ({
      days,
      open: last.day !== null && today <= addDays(last.day, days),
      registered: stepCount(db, sessionIds, STEPS.registered, days),
      cnssPreRegistered: stepCount(db, sessionIds, STEPS.cnssPreRegistered, days),
      amoCovered: stepCount(db, sessionIds, STEPS.amoCovered, days),
    })),
  }
}

/** Outcomes of one session; an unknown session is refused. */
export function sessionOutcomes(db: Db, sessionId: string, today?: string): Outcomes {
  getSession(db, sessionId)
  return outcomesOf(db, [sessionId], today)
}
