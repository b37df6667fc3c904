import type { Actor } from '@shared/api/roles'
import { appError } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import type { Caravan, CaravanSummary } from '@shared/sessions/caravan'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { recordChange } from '../database/record-change'
import { sql } from '../database/statements'
import { outcomesOf } from './outcomes'
import { sessionsOfCaravan } from './sessions'

/**
 * Caravans (issue 6): an itinerary of stops to remote villages, each stop a session planned
 * with the caravan's id. A caravan's summary spans its stops (first and last day; invited
 * and attended summed over the stops, so a person seen at two stops counts twice there);
 * its outcomes count each person once.
 */
const SUMMARY = `SELECT c.id, c.title,
    count(s.id) AS stops,
    min(substr(s.starts_at, 1, 10)) AS firstDay,
    max(substr(s.ends_at, 1, 10)) AS lastDay,
    coalesce(sum((SELECT count(*) FROM session_invitee i WHERE i.session_id = s.id)), 0) AS invited,
    coalesce(sum((SELECT count(*) FROM session_attendance a WHERE a.session_id = s.id)), 0) AS attended
  FROM caravan c LEFT JOIN session s ON s.caravan_id = c.id`

export function listCaravans(db: Db): CaravanSummary[] {
  return sql(
    db,
    `${SUMMARY} GROUP BY c.id ORDER BY c.created_at DESC, c.id DESC`,
  ).all() as CaravanSummary[]
}

function caravanSummary(db: Db, id: string): CaravanSummary {
  const row = sql(db, `${SUMMARY} WHERE c.id = ? GROUP BY c.id`).get(id) as
    CaravanSummary | undefined
  if (!row) throw appError('not_found', 'errors.caravan_not_found')
  return row
}

/** A caravan with its stops and what they achieved together. */
export function getCaravan(db: Db, id: string): Caravan {
  const summary = caravanSummary(db, id)
  const stopList = sessionsOfCaravan(db, id)
  return {
    ...summary,
    stopList,
    outcomes: outcomesOf(
      db,
      stopList.map((s) => s.id),
    ),
  }
}

export function createCaravan(db: Db, actor: Actor, input: { title: string }): CaravanSummary {
  const id = uuidv7()
  const at = nowIso()
  db.transaction(() => {
    sql(db, 'INSERT INTO caravan (id, title, created_at, created_by) VALUES (?, ?, ?, ?)').run(
      id,
      input.title,
      at,
      actor.id,
    )
    recordChange(db, actor, at, {
      action: 'caravan.create',
      entityType: 'caravan',
      entityId: id,
      before: null,
      after: input,
    })
  })()
  return caravanSummary(db, id)
}
