import type { Actor } from '@shared/api/roles'
import { appError, type FieldError } from '@shared/errors'
import {
  MAX_INVITED_AT_ONCE,
  type InvitationFilter,
  type PathTarget,
} from '@shared/sessions/attendance'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { recordChange } from '../database/record-change'
import { sql } from '../database/statements'
import { getSession } from './sessions'
import { sessionOpenForInvitations } from './session-rules'

/**
 * The invitation list of a session (issue 6), built from a filter over the register:
 * communes, activities (main or secondary) and a stage of the path still to take. The
 * filter becomes one WHERE clause over `artisan` that the commune, activity and status
 * indexes answer, so counting and inviting stay one statement each on a large register;
 * inviting is one INSERT … SELECT, capped so a forgotten filter cannot invite a province.
 */
const PATH_SQL: Record<PathTarget, string | null> = {
  any: null,
  not_registered: `a.rna_status IN ('identified', 'pending', 'submitted', 'rejected')`,
  registered_no_cnss: `a.rna_status = 'registered' AND a.cover_status = 'none'`,
  cnss_no_amo: `a.cover_status = 'cnss_pre_registered'`,
  covered_no_bank: `a.cover_status IN ('amo_covered', 'other_cover') AND a.bank_status <> 'opened'`,
}

/**
 * The artisans a filter matches, as a WHERE clause over `artisan a`. Code lists travel as
 * one JSON parameter each, so the statement text (and its cached plan) depends only on
 * which parts of the filter are used.
 */
export function invitationWhere(filter: InvitationFilter): {
  where: string
  params: Record<string, string>
} {
  const clauses = ['a.deleted_at IS NULL']
  const params: Record<string, string> = {}
  if (filter.communeCodes.length) {
    clauses.push('a.commune_code IN (SELECT value FROM json_each(@communes))')
    params.communes = JSON.stringify(filter.communeCodes)
  }
  if (filter.activityCodes.length) {
    clauses.push(`(a.main_activity IN (SELECT value FROM json_each(@activities))
      OR a.id IN (SELECT artisan_id FROM artisan_activity
                   WHERE activity_code IN (SELECT value FROM json_each(@activities))))`)
    params.activities = JSON.stringify(filter.activityCodes)
  }
  const path = PATH_SQL[filter.pathTarget]
  // With places or crafts named, their indexes narrow the register to a few thousand rows;
  // a path stage matches hundreds of thousands, so its columns are kept off the index
  // choice (SQLite's unary +) — else the planner walks a whole status (seconds at 10^6).
  const narrowed = filter.communeCodes.length > 0 || filter.activityCodes.length > 0
  if (path) clauses.push(`(${narrowed ? path.replace(/\ba\./g, '+a.') : path})`)
  return { where: clauses.join(' AND '), params }
}

/** Codes the reference data does not know are refused, each at its place in the filter. */
function checkCodes(db: Db, filter: InvitationFilter): void {
  const fields: FieldError[] = []
  const known = (table: string, code: string) =>
    sql(db, `SELECT 1 FROM ${table} WHERE code = ?`).get(code) !== undefined
  filter.communeCodes.forEach((c, i) => {
    if (!known('ref_commune', c))
      fields.push({ path: `filter.communeCodes.${i}`, key: 'validation.territory' })
  })
  filter.activityCodes.forEach((c, i) => {
    if (!known('ref_activity', c))
      fields.push({ path: `filter.activityCodes.${i}`, key: 'validation.activity' })
  })
  if (fields.length) throw appError('validation', 'errors.validation', undefined, fields)
}

/**
 * How many the filter would add (counted up to one past the cap: a national register's
 * whole status is not walked just to be refused) and how many of the session's invitees
 * it matches (the list itself is walked, a few thousand at most).
 */
function countMatching(
  db: Db,
  sessionId: string,
  filter: InvitationFilter,
): { matching: number; alreadyInvited: number; more: boolean } {
  const { where, params } = invitationWhere(filter)
  const toAdd = sql(
    db,
    `SELECT count(*) FROM (
       SELECT 1 FROM artisan a
        WHERE ${where}
          AND NOT EXISTS (SELECT 1 FROM session_invitee i
                           WHERE i.session_id = @session AND i.artisan_id = a.id)
        LIMIT @cap)`,
  )
    .pluck()
    .get({ ...params, session: sessionId, cap: MAX_INVITED_AT_ONCE + 1 }) as number
  const alreadyInvited = sql(
    db,
    `SELECT count(*) FROM session_invitee i JOIN artisan a ON a.id = i.artisan_id
      WHERE i.session_id = @session AND ${where}`,
  )
    .pluck()
    .get({ ...params, session: sessionId }) as number
  return {
    matching: toAdd + alreadyInvited,
    alreadyInvited,
    more: toAdd > MAX_INVITED_AT_ONCE,
  }
}

const invitedCount = (db: Db, sessionId: string) =>
  sql(db, 'SELECT count(*) FROM session_invitee WHERE session_id = ?')
    .pluck()
    .get(sessionId) as number

/** How many artisans a filter matches, and how many of them the session already invites. */
export function invitationCount(
  db: Db,
  sessionId: string,
  filter: InvitationFilter,
): { matching: number; alreadyInvited: number; more: boolean } {
  getSession(db, sessionId)
  checkCodes(db, filter)
  return countMatching(db, sessionId, filter)
}

/**
 * Invites everyone the filter matches who is not invited yet, in one transaction and one
 * audit entry; refused when that would add more than `MAX_INVITED_AT_ONCE` people.
 */
export function invite(
  db: Db,
  actor: Actor,
  input: { sessionId: string; filter: InvitationFilter },
): { added: number; invited: number } {
  checkCodes(db, input.filter)
  const at = nowIso()
  return db.transaction(() => {
    sessionOpenForInvitations(db, input.sessionId)
    const { matching, alreadyInvited, more } = countMatching(db, input.sessionId, input.filter)
    if (more)
      throw appError('validation', 'errors.invite_over_limit', {
        count: matching - alreadyInvited,
        max: MAX_INVITED_AT_ONCE,
      })
    const { where, params } = invitationWhere(input.filter)
    const added = sql(
      db,
      `INSERT INTO session_invitee (session_id, artisan_id, invited_at)
       SELECT @session, a.id, @at FROM artisan a
        WHERE ${where}
          AND NOT EXISTS (SELECT 1 FROM session_invitee i
                           WHERE i.session_id = @session AND i.artisan_id = a.id)`,
    ).run({ ...params, session: input.sessionId, at }).changes
    if (added > 0)
      recordChange(db, actor, at, {
        action: 'session.invite',
        entityType: 'session',
        entityId: input.sessionId,
        before: null,
        after: { filter: input.filter, added },
      })
    return { added, invited: invitedCount(db, input.sessionId) }
  })()
}

/** Takes people off the invitation list (their check-in, if any, stays). */
export function uninvite(
  db: Db,
  actor: Actor,
  input: { sessionId: string; artisanIds: string[] },
): { removed: number; invited: number } {
  const at = nowIso()
  return db.transaction(() => {
    getSession(db, input.sessionId)
    const ids = JSON.stringify([...new Set(input.artisanIds)])
    const removed = sql(
      db,
      `DELETE FROM session_invitee
        WHERE session_id = ? AND artisan_id IN (SELECT value FROM json_each(?))`,
    ).run(input.sessionId, ids).changes
    if (removed > 0)
      recordChange(db, actor, at, {
        action: 'session.uninvite',
        entityType: 'session',
        entityId: input.sessionId,
        before: { artisanIds: input.artisanIds },
        after: { removed },
      })
    return { removed, invited: invitedCount(db, input.sessionId) }
  })()
}
