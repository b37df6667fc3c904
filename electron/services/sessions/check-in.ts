import type { Actor } from '@shared/api/roles'
import type { Identification } from '@shared/artisans/identification'
import { appError, type FieldError } from '@shared/errors'
import type { Invitee } from '@shared/sessions/attendance'
import { cleanText } from '@shared/text/fields'
import { detectScript, nameTokens, normalizeLatin } from '@shared/text/normalize'
import { identifyArtisan } from '../artisans/identify'
import { nameWords, normalizedNames } from '../artisans/name-words'
import { searchArtisans } from '../artisans/search'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { recordChange } from '../database/record-change'
import { sql } from '../database/statements'
import { inviteesByIds, type InviteeRow } from './people'
import { getSession } from './sessions'
import { sessionOpenForCheckIn } from './session-rules'

/**
 * The door of a session (issue 6), all on the local database so it works offline at a
 * caravan stop: find the person with the counter search (CIN, phone, NIA or any part of a
 * name), the session's invitees first; check them in once; undo a mistaken check-in; and
 * identify a walk-in on the spot — or, when their CIN (or their phone and name) is already
 * in the register, link that file instead of creating a second one.
 */
export const DOOR_LIMIT = 20
/** The counter search looks this far; invitees beyond it are found by the scan below. */
const SEARCH_DEPTH = DOOR_LIMIT
/** Past this many invitees the door does not scan them by name. */
const INVITEE_SCAN_MAX = 20_000

const attendedCount = (db: Db, sessionId: string) =>
  sql(db, 'SELECT count(*) FROM session_attendance WHERE session_id = ?')
    .pluck()
    .get(sessionId) as number

/** Local wall-clock time of a stored timestamp, as the clerk at the door read it. */
function localTime(iso: string): string {
  const d = new Date(iso)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(d.getHours())}:${two(d.getMinutes())}`
}

/**
 * Names as the door's scan compares them, normalised once per spelling: at a caravan stop
 * the same invitees are scanned at every common name typed, and names repeat a lot.
 */
const NAMES_KEPT = 50_000
const namesSeen = new Map<string, string>()
type NameRow = Pick<
  InviteeRow,
  'id' | 'firstNameAr' | 'lastNameAr' | 'firstNameLat' | 'lastNameLat' | 'organisationName'
>

function searchableNames(r: NameRow): string {
  const key = `${r.firstNameAr}|${r.lastNameAr}|${r.firstNameLat}|${r.lastNameLat}|${r.organisationName}`
  let names = namesSeen.get(key)
  if (names === undefined) {
    const forms = normalizedNames(r)
    names = `${forms.arabic} ${forms.latin} ${forms.folded} ${forms.organisation}`
    if (namesSeen.size >= NAMES_KEPT) namesSeen.clear()
    namesSeen.set(key, names)
  }
  return names
}

/**
 * The session's invitees whose names hold every word of the query (as the trigram search
 * does: a fragment anywhere in a name), for when the counter search had more hits than it
 * returns and might have left invitees out.
 */
function inviteesNamed(db: Db, sessionId: string, query: string): Invitee[] {
  const folded = nameTokens(query)
  const plain = detectScript(query) === 'latin' ? normalizeLatin(query).split(' ') : []
  const alternatives = [folded, plain].filter((t) => t.length > 0)
  if (alternatives.length === 0) return []
  // Only the names are read for the scan; the few hits are then read whole.
  const rows = sql(
    db,
    `SELECT a.id, a.first_name_ar AS firstNameAr, a.last_name_ar AS lastNameAr,
            a.first_name_lat AS firstNameLat, a.last_name_lat AS lastNameLat,
            a.organisation_name AS organisationName
       FROM session_invitee i
       JOIN artisan a ON a.id = i.artisan_id AND a.deleted_at IS NULL
      WHERE i.session_id = ? LIMIT ${INVITEE_SCAN_MAX}`,
  ).all(sessionId) as NameRow[]
  const ids: string[] = []
  for (const r of rows) {
    const names = searchableNames(r)
    if (alternatives.some((words) => words.every((w) => names.includes(w)))) ids.push(r.id)
    if (ids.length >= DOOR_LIMIT) break
  }
  const found = inviteesByIds(db, sessionId, ids)
  return ids.flatMap((id) => found.get(id) ?? [])
}

/** People at the door matching the query: this session's invitees first, then others. */
export function findAtDoor(db: Db, input: { sessionId: string; query: string }): Invitee[] {
  getSession(db, input.sessionId)
  const found = searchArtisans(db, input.query, SEARCH_DEPTH)
  const state = inviteesByIds(
    db,
    input.sessionId,
    found.items.map((a) => a.id),
  )
  const people = found.items.flatMap((a) => state.get(a.id) ?? [])
  if (found.more && found.kind === 'name') {
    const seen = new Set(people.map((p) => p.id))
    people.push(
      ...inviteesNamed(db, input.sessionId, cleanText(input.query)).filter((p) => !seen.has(p.id)),
    )
  }
  const invitedFirst = [...people.filter((p) => p.invited), ...people.filter((p) => !p.invited)]
  return invitedFirst.slice(0, DOOR_LIMIT)
}

/** Records the check-in; a second one for the same person is refused with the first's time. */
function recordAttendance(
  db: Db,
  sessionId: string,
  artisanId: string,
  walkIn: boolean,
  at: string,
) {
  const earlier = sql(
    db,
    'SELECT checked_in_at FROM session_attendance WHERE session_id = ? AND artisan_id = ?',
  )
    .pluck()
    .get(sessionId, artisanId) as string | undefined
  if (earlier) throw appError('conflict', 'errors.already_checked_in', { time: localTime(earlier) })
  sql(
    db,
    `INSERT INTO session_attendance (session_id, artisan_id, checked_in_at, walk_in)
     VALUES (?, ?, ?, ?)`,
  ).run(sessionId, artisanId, at, walkIn ? 1 : 0)
}

const liveArtisan = (db: Db, id: string) =>
  sql(db, 'SELECT 1 FROM artisan WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined

export function checkIn(
  db: Db,
  actor: Actor,
  input: { sessionId: string; artisanId: string },
): { artisanId: string; linkedExisting: boolean; attended: number } {
  const at = nowIso()
  return db.transaction(() => {
    sessionOpenForCheckIn(db, input.sessionId)
    if (!liveArtisan(db, input.artisanId)) throw appError('not_found', 'errors.artisan_not_found')
    recordAttendance(db, input.sessionId, input.artisanId, false, at)
    recordChange(db, actor, at, {
      action: 'session.check_in',
      entityType: 'session',
      entityId: input.sessionId,
      before: null,
      after: { artisanId: input.artisanId },
    })
    return {
      artisanId: input.artisanId,
      linkedExisting: false,
      attended: attendedCount(db, input.sessionId),
    }
  })()
}

/** Takes back a check-in made by mistake (allowed even once the session is over). */
export function undoCheckIn(
  db: Db,
  actor: Actor,
  input: { sessionId: string; artisanId: string },
): { attended: number } {
  const at = nowIso()
  return db.transaction(() => {
    getSession(db, input.sessionId)
    const before = sql(
      db,
      `SELECT checked_in_at AS checkedInAt, walk_in AS walkIn FROM session_attendance
        WHERE session_id = ? AND artisan_id = ?`,
    ).get(input.sessionId, input.artisanId) as { checkedInAt: string; walkIn: number } | undefined
    if (!before) throw appError('not_found', 'errors.not_checked_in')
    sql(db, 'DELETE FROM session_attendance WHERE session_id = ? AND artisan_id = ?').run(
      input.sessionId,
      input.artisanId,
    )
    recordChange(db, actor, at, {
      action: 'session.undo_check_in',
      entityType: 'session',
      entityId: input.sessionId,
      before: { artisanId: input.artisanId, ...before },
      after: null,
    })
    return { attended: attendedCount(db, input.sessionId) }
  })()
}

/**
 * The file a walk-in already has: same CIN; or, with no CIN given, same phone and the same
 * name (every word given is one of the file's name words) — a shared family phone with
 * another name is someone else.
 */
function existingFileOf(db: Db, person: Identification): string | null {
  if (person.cin) {
    const id = sql(db, 'SELECT id FROM artisan WHERE cin = ? AND deleted_at IS NULL')
      .pluck()
      .get(person.cin) as string | undefined
    return id ?? null
  }
  if (!person.phone) return null
  const given = nameWords({ ...person, organisationName: '' })
  if (given.size === 0) return null
  const candidates = sql(
    db,
    `SELECT id, first_name_ar AS firstNameAr, last_name_ar AS lastNameAr,
            first_name_lat AS firstNameLat, last_name_lat AS lastNameLat,
            organisation_name AS organisationName
       FROM artisan WHERE (phone = @phone OR phone2 = @phone) AND deleted_at IS NULL
      ORDER BY num DESC LIMIT 50`,
  ).all({ phone: person.phone }) as ({ id: string } & Parameters<typeof nameWords>[0])[]
  const same = candidates.find((c) => {
    const known = nameWords(c)
    return [...given].every((w) => known.has(w))
  })
  return same?.id ?? null
}

/** The commune and activity of a walk-in must be in the reference data. */
function checkPlaces(db: Db, person: Identification): void {
  const fields: FieldError[] = []
  if (
    person.communeCode &&
    !sql(db, 'SELECT 1 FROM ref_commune WHERE code = ?').get(person.communeCode)
  )
    fields.push({ path: 'identification.communeCode', key: 'validation.territory' })
  if (
    person.provinceCode &&
    !sql(db, 'SELECT 1 FROM ref_province WHERE code = ?').get(person.provinceCode)
  )
    fields.push({ path: 'identification.provinceCode', key: 'validation.territory' })
  if (
    person.mainActivity &&
    !sql(db, 'SELECT 1 FROM ref_activity WHERE code = ?').get(person.mainActivity)
  )
    fields.push({ path: 'identification.mainActivity', key: 'validation.activity' })
  if (fields.length) throw appError('validation', 'errors.validation', undefined, fields)
}

/**
 * A walk-in: linked to their file when the register knows them (nothing created), else
 * identified on the spot (source `session:<id>`), and checked in — all in one transaction.
 * Only people identified here count as walk-ins; a known file is an ordinary check-in.
 */
export function walkIn(
  db: Db,
  actor: Actor,
  input: { sessionId: string; identification: Identification },
): { artisanId: string; linkedExisting: boolean; attended: number } {
  const person = input.identification
  checkPlaces(db, person)
  const at = nowIso()
  return db.transaction(() => {
    sessionOpenForCheckIn(db, input.sessionId)
    const existing = existingFileOf(db, person)
    const artisanId =
      existing ?? identifyArtisan(db, actor, person, `session:${input.sessionId}`).id
    recordAttendance(db, input.sessionId, artisanId, existing === null, at)
    recordChange(db, actor, at, {
      action: 'session.walk_in',
      entityType: 'session',
      entityId: input.sessionId,
      before: null,
      after: { artisanId, linkedExisting: existing !== null },
    })
    return {
      artisanId,
      linkedExisting: existing !== null,
      attended: attendedCount(db, input.sessionId),
    }
  })()
}
