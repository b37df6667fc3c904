import type { Actor } from '@shared/api/roles'
import { todayIso } from '@shared/artisans/birth-date'
import { appError, type FieldError } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import type { PlanSession, Session } from '@shared/sessions/session'
import { nowIso } from '../clock'
import { recordChange } from '../database/record-change'
import type { Db } from '../database/open'
import { sql } from '../database/statements'

/**
 * Planning awareness sessions (issue 6): plan one, correct it (version checked, as files
 * are), mark it held or cancelled with its reason, list and read them with their
 * invitation and attendance counts. Every write is audited.
 */
const COLUMNS = `s.id, s.kind, s.title, s.starts_at AS startsAt, s.ends_at AS endsAt,
  s.province_code AS provinceCode, s.commune_code AS communeCode, s.venue,
  s.partners_json AS partners, s.languages_json AS languages,
  s.target_activities_json AS targetActivities, s.target_communes_json AS targetCommunes,
  s.capacity, s.organiser, s.caravan_id AS caravanId, s.status, s.cancel_reason AS cancelReason,
  s.version,
  (SELECT count(*) FROM session_invitee i WHERE i.session_id = s.id) AS invited,
  (SELECT count(*) FROM session_attendance a WHERE a.session_id = s.id) AS attended`

type Row = Omit<Session, 'partners' | 'languages' | 'targetActivities' | 'targetCommunes'> & {
  partners: string
  languages: string
  targetActivities: string
  targetCommunes: string
}

const parse = (r: Row): Session => ({
  ...r,
  partners: JSON.parse(r.partners) as Session['partners'],
  languages: JSON.parse(r.languages) as Session['languages'],
  targetActivities: JSON.parse(r.targetActivities) as string[],
  targetCommunes: JSON.parse(r.targetCommunes) as string[],
})

/** The places and caravan a session names must exist. */
function checkReferences(db: Db, s: PlanSession): void {
  const fields: FieldError[] = []
  const exists = (table: string, code: string) =>
    sql(db, `SELECT 1 FROM ${table} WHERE ${table === 'caravan' ? 'id' : 'code'} = ?`).get(code)
  if (s.provinceCode && !exists('ref_province', s.provinceCode))
    fields.push({ path: 'provinceCode', key: 'validation.territory' })
  if (s.communeCode && !exists('ref_commune', s.communeCode))
    fields.push({ path: 'communeCode', key: 'validation.territory' })
  s.targetCommunes.forEach((c, i) => {
    if (!exists('ref_commune', c))
      fields.push({ path: `targetCommunes.${i}`, key: 'validation.territory' })
  })
  s.targetActivities.forEach((a, i) => {
    if (!exists('ref_activity', a))
      fields.push({ path: `targetActivities.${i}`, key: 'validation.activity' })
  })
  if (s.caravanId && !exists('caravan', s.caravanId))
    fields.push({ path: 'caravanId', key: 'validation.caravan' })
  if (fields.length) throw appError('validation', 'errors.validation', undefined, fields)
}

const values = (s: PlanSession) => ({
  kind: s.kind,
  title: s.title,
  starts_at: s.startsAt,
  ends_at: s.endsAt,
  province_code: s.provinceCode,
  commune_code: s.communeCode,
  venue: s.venue,
  partners_json: JSON.stringify(s.partners),
  languages_json: JSON.stringify(s.languages),
  target_activities_json: JSON.stringify(s.targetActivities),
  target_communes_json: JSON.stringify(s.targetCommunes),
  capacity: s.capacity,
  organiser: s.organiser,
  caravan_id: s.caravanId,
})

export function getSession(db: Db, id: string): Session {
  const row = sql(db, `SELECT ${COLUMNS} FROM session s WHERE s.id = ?`).get(id) as Row | undefined
  if (!row) throw appError('not_found', 'errors.session_not_found')
  return parse(row)
}

export function listSessions(db: Db, filter: { from?: string; to?: string }): Session[] {
  return (
    sql(
      db,
      `SELECT ${COLUMNS} FROM session s
       WHERE (@from IS NULL OR s.starts_at >= @from) AND (@to IS NULL OR s.starts_at < @to)
       ORDER BY s.starts_at, s.id`,
    ).all({ from: filter.from ?? null, to: filter.to ?? null }) as Row[]
  ).map(parse)
}

/** The stops of a caravan, in the order they are held. */
export function sessionsOfCaravan(db: Db, caravanId: string): Session[] {
  return (
    sql(
      db,
      `SELECT ${COLUMNS} FROM session s WHERE s.caravan_id = ? ORDER BY s.starts_at, s.id`,
    ).all(caravanId) as Row[]
  ).map(parse)
}

export function planSession(db: Db, actor: Actor, s: PlanSession): Session {
  if (s.startsAt.slice(0, 10) < todayIso())
    throw appError('validation', 'errors.validation', undefined, [
      { path: 'startsAt', key: 'validation.session_in_past' },
    ])
  checkReferences(db, s)
  const id = uuidv7()
  const at = nowIso()
  db.transaction(() => {
    const v = values(s)
    sql(
      db,
      `INSERT INTO session (id, ${Object.keys(v).join(', ')}, created_at, created_by, updated_at)
       VALUES (@id, ${Object.keys(v)
         .map((k) => `@${k}`)
         .join(', ')}, @at, @by, @at)`,
    ).run({ ...v, id, at, by: actor.id })
    recordChange(db, actor, at, {
      action: 'session.plan',
      entityType: 'session',
      entityId: id,
      before: null,
      after: s,
    })
  })()
  return getSession(db, id)
}

export function updateSession(
  db: Db,
  actor: Actor,
  s: PlanSession & { id: string; expectedVersion: number },
): Session {
  checkReferences(db, s)
  const at = nowIso()
  db.transaction(() => {
    const before = getSession(db, s.id)
    if (before.version !== s.expectedVersion) throw appError('conflict', 'errors.stale_version')
    const v = values(s)
    sql(
      db,
      `UPDATE session SET ${Object.keys(v)
        .map((k) => `${k} = @${k}`)
        .join(', ')},
         updated_at = @at, version = version + 1 WHERE id = @id`,
    ).run({ ...v, id: s.id, at })
    recordChange(db, actor, at, {
      action: 'session.update',
      entityType: 'session',
      entityId: s.id,
      before,
      after: s,
    })
  })()
  return getSession(db, s.id)
}

/** Held (once it has started) or cancelled (with its reason); planned again undoes either. */
export function setSessionStatus(
  db: Db,
  actor: Actor,
  input: { id: string; status: Session['status']; reason: string | null },
): Session {
  const at = nowIso()
  db.transaction(() => {
    const before = getSession(db, input.id)
    const reason = input.reason?.trim() ?? ''
    if (input.status === 'cancelled' && reason.length < 3)
      throw appError('validation', 'errors.validation', undefined, [
        { path: 'reason', key: 'validation.reason_required' },
      ])
    if (input.status === 'held' && before.startsAt.slice(0, 10) > todayIso())
      throw appError('conflict', 'errors.session_not_started')
    sql(
      db,
      `UPDATE session SET status = ?, cancel_reason = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
    ).run(input.status, input.status === 'cancelled' ? reason : null, at, input.id)
    recordChange(db, actor, at, {
      action: `session.${input.status}`,
      entityType: 'session',
      entityId: input.id,
      before: { status: before.status },
      after: { status: input.status, reason: input.status === 'cancelled' ? reason : null },
    })
  })()
  return getSession(db, input.id)
}
