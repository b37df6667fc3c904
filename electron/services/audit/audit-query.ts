import type { AuditFilter, AuditPage, AuditRow } from '@shared/api/methods/audit'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import type { AuditRow as StoredAuditRow } from './audit-log'

/**
 * Reading the audit log: filters (who, when, which file, which action, free text) turned
 * into one WHERE clause, keyset pages by `seq` (newest first on screen, oldest first in
 * exports) so the millionth row costs what the first does, and each row with its before and
 * after parsed and the fields that changed named, for the screen to show side by side.
 */
export type RawAuditRow = StoredAuditRow

interface Where {
  clauses: string[]
  params: Record<string, string | number>
}

/**
 * Rows about one artisan: the file's own rows; its documents' (issue, reprint, cancel); the
 * rows of the sessions it was invited to or came to that name it (check-ins); and the
 * imports and registry pages that name it in their after (those are few next to the
 * artisan rows, so scanning their JSON stays cheap).
 */
const ABOUT_ARTISAN = `seq IN (
  SELECT seq FROM audit_log WHERE entity_type = 'artisan' AND entity_id = @artisan
  UNION ALL
  SELECT a.seq FROM document d CROSS JOIN audit_log a
    ON a.entity_type = 'document' AND a.entity_id = d.id
   WHERE d.artisan_id = @artisan
  UNION ALL
  SELECT a.seq FROM (
      SELECT session_id FROM session_attendance WHERE artisan_id = @artisan
      UNION SELECT session_id FROM session_invitee WHERE artisan_id = @artisan
    ) s CROSS JOIN audit_log a ON a.entity_type = 'session' AND a.entity_id = s.session_id
   WHERE instr(coalesce(a.after_json, ''), @artisan) > 0 OR instr(coalesce(a.before_json, ''), @artisan) > 0
  UNION ALL
  SELECT seq FROM audit_log
   WHERE (entity_type = 'import' OR (entity_type = 'artisan' AND entity_id = '*'))
     AND instr(coalesce(after_json, ''), @artisan) > 0
)`

/**
 * An action filter matching thousands of rows is best served by walking the log newest
 * first (matches come soon); a rare one by the action index. SQLite cannot tell which, so
 * the index is asked first how many rows there are, up to this many.
 */
const DENSE_ACTION = 2000

/** The day after `day` (YYYY-MM-DD), for an inclusive "to" over ISO timestamps. */
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** `dense`: the action filter matches many rows (`isDenseAction`). */
export function auditWhere(filter: AuditFilter, dense = false): Where {
  const clauses: string[] = []
  const params: Record<string, string | number> = {}
  if (filter.actorId) {
    clauses.push('actor_id = @actor')
    params.actor = filter.actorId
  }
  // Days are UTC days, like every timestamp the desk writes.
  if (filter.from) {
    clauses.push('at >= @from')
    params.from = filter.from
  }
  if (filter.to) {
    clauses.push('at < @to')
    params.to = dayAfter(filter.to)
  }
  if (filter.artisanId) {
    clauses.push(ABOUT_ARTISAN)
    params.artisan = filter.artisanId
  }
  if (filter.entityType) {
    clauses.push('entity_type = @entityType')
    params.entityType = filter.entityType
  }
  if (filter.entityId) {
    clauses.push('entity_id = @entityId')
    params.entityId = filter.entityId
  }
  if (filter.action) {
    const action = filter.action.replace(/\.+$/, '')
    // A range instead of LIKE: `action` may hold `_` or `%`, and a range uses the index.
    params.action = action
    params.actionDot = `${action}.`
    params.actionEnd = `${action}/` // '/' sorts right after '.'
    // `+action` keeps SQLite off the action index (see DENSE_ACTION).
    const column = dense ? '+action' : 'action'
    clauses.push(`(${column} = @action OR (${column} >= @actionDot AND ${column} < @actionEnd))`)
  }
  if (filter.text) {
    clauses.push(
      `instr(lower(actor_name || ' ' || action || ' ' || entity_id || ' ' ||
         coalesce(before_json, '') || ' ' || coalesce(after_json, '')), lower(@text)) > 0`,
    )
    params.text = filter.text
  }
  return { clauses, params }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The keys whose value differs between before and after (a created or removed object: all its keys). */
export function changedFields(before: unknown, after: unknown): string[] {
  const was = isObject(before) ? before : null
  const now = isObject(after) ? after : null
  if (!was && !now) return []
  const keys = new Set([...Object.keys(was ?? {}), ...Object.keys(now ?? {})])
  return [...keys].filter(
    (k) => JSON.stringify(was?.[k] ?? null) !== JSON.stringify(now?.[k] ?? null),
  )
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json))

export function toAuditRow(r: RawAuditRow): AuditRow {
  const before = parse(r.before_json)
  const after = parse(r.after_json)
  return {
    seq: r.seq,
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before,
    after,
    changed: changedFields(before, after),
  }
}

/** One page, newest first; `before` is the `seq` the previous page ended at. */
/** Whether the action filter matches at least DENSE_ACTION rows (counted on the index). */
function isDenseAction(db: Db, action: string | undefined): boolean {
  if (!action) return false
  const a = action.replace(/\.+$/, '')
  const count = sql(
    db,
    `SELECT count(*) FROM (SELECT 1 FROM audit_log
       WHERE action = ? OR (action >= ? AND action < ?) LIMIT ${DENSE_ACTION})`,
  )
    .pluck()
    .get(a, `${a}.`, `${a}/`) as number
  return count >= DENSE_ACTION
}

export function listAudit(
  db: Db,
  input: { filter: AuditFilter; before?: number | undefined; limit: number },
): AuditPage {
  const { clauses, params } = auditWhere(input.filter, isDenseAction(db, input.filter.action))
  if (input.before !== undefined) {
    clauses.push('seq < @cursor')
    params.cursor = input.before
  }
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''
  const rows = sql(
    db,
    `SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT ${input.limit + 1}`,
  ).all(params) as RawAuditRow[]
  const more = rows.length > input.limit
  const items = rows.slice(0, input.limit).map(toAuditRow)
  return { items, next: more ? (items.at(-1)?.seq ?? null) : null }
}

/** The selection oldest first, `batch` rows at a time (exports: any size, bounded memory). */
export function* iterateAudit(
  db: Db,
  filter: AuditFilter,
  batch = 1000,
): Generator<RawAuditRow[], void, undefined> {
  const { clauses, params } = auditWhere(filter, isDenseAction(db, filter.action))
  const where = [...clauses, 'seq > @cursor'].join(' AND ')
  const page = sql(db, `SELECT * FROM audit_log WHERE ${where} ORDER BY seq LIMIT ${batch}`)
  let cursor = 0
  for (;;) {
    const rows = page.all({ ...params, cursor }) as RawAuditRow[]
    if (!rows.length) return
    yield rows
    if (rows.length < batch) return
    cursor = (rows.at(-1) as RawAuditRow).seq
  }
}

/**
 * Everyone who appears in the log, with the name they had last. Walks the actor index one
 * distinct id at a time instead of grouping the whole log.
 */
export function auditActors(db: Db): { id: string; name: string }[] {
  const ids = sql(
    db,
    `WITH RECURSIVE a(id) AS (
       SELECT min(actor_id) FROM audit_log
       UNION ALL
       SELECT (SELECT min(actor_id) FROM audit_log WHERE actor_id > a.id) FROM a WHERE a.id IS NOT NULL
     ) SELECT id FROM a WHERE id IS NOT NULL`,
  )
    .pluck()
    .all() as string[]
  const name = sql(
    db,
    'SELECT actor_name FROM audit_log WHERE actor_id = ? ORDER BY seq DESC LIMIT 1',
  ).pluck()
  return ids
    .map((id) => ({ id, name: name.get(id) as string }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}
