import type { ArtisanSummary } from '@shared/artisans/records'
import type { ATTENDEE_VIEWS, Invitee } from '@shared/sessions/attendance'
import { SUMMARY_COLUMNS } from '../artisans/columns'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { getSession } from './sessions'

/**
 * A session's people (issue 6): everyone invited or checked in, with whether they were
 * invited, when they came and whether they were identified at the door. Lists read in the
 * order of a signed attendance sheet: Arabic family then first name, then Latin (people
 * known only by a Latin name after those with an Arabic one). Deleted files are left out.
 */
export type AttendeeView = (typeof ATTENDEE_VIEWS)[number]

/** The columns of an invitee for `artisan` joined to `session_invitee i` and `session_attendance t`. */
export const INVITEE_COLUMNS = `${SUMMARY_COLUMNS},
  i.artisan_id IS NOT NULL AS invited, t.checked_in_at AS checkedInAt,
  coalesce(t.walk_in, 0) AS walkIn`

export const SHEET_ORDER = `last_name_ar IS NULL, last_name_ar, first_name_ar,
  last_name_lat, first_name_lat, artisan.id`

export type InviteeRow = ArtisanSummary & {
  invited: number
  checkedInAt: string | null
  walkIn: number
}

export const toInvitee = (r: InviteeRow): Invitee => ({
  ...r,
  invited: r.invited === 1,
  walkIn: r.walkIn === 1,
})

const VIEW_SQL: Record<AttendeeView, string> = {
  all: '1',
  invited: 'i.artisan_id IS NOT NULL',
  attended: 't.artisan_id IS NOT NULL',
}

const PEOPLE_FROM = (view: AttendeeView) => `
  FROM artisan
  LEFT JOIN session_invitee i ON i.session_id = @session AND i.artisan_id = artisan.id
  LEFT JOIN session_attendance t ON t.session_id = @session AND t.artisan_id = artisan.id
 WHERE artisan.id IN (SELECT artisan_id FROM session_invitee WHERE session_id = @session
                      UNION SELECT artisan_id FROM session_attendance WHERE session_id = @session)
   AND artisan.deleted_at IS NULL AND ${VIEW_SQL[view]}`

export function sessionPeople(
  db: Db,
  input: { sessionId: string; view: AttendeeView; offset: number; limit: number },
): { total: number; items: Invitee[] } {
  getSession(db, input.sessionId)
  const from = PEOPLE_FROM(input.view)
  const total = sql(db, `SELECT count(*) ${from}`)
    .pluck()
    .get({ session: input.sessionId }) as number
  const rows = sql(
    db,
    `SELECT ${INVITEE_COLUMNS} ${from} ORDER BY ${SHEET_ORDER} LIMIT @limit OFFSET @offset`,
  ).all({ session: input.sessionId, limit: input.limit, offset: input.offset }) as InviteeRow[]
  return { total, items: rows.map(toInvitee) }
}

/** Every invitee of a session in sheet order, with the names of their commune and activity. */
export function inviteesWithPlaces(
  db: Db,
  sessionId: string,
  language: 'ar' | 'fr' | 'en',
): (Invitee & { communeName: string | null; activityName: string | null })[] {
  const name = language === 'ar' ? 'name_ar' : 'name_fr'
  const rows = sql(
    db,
    `SELECT ${INVITEE_COLUMNS},
       (SELECT ${name} FROM ref_commune WHERE code = artisan.commune_code) AS communeName,
       (SELECT ${name} FROM ref_activity WHERE code = artisan.main_activity) AS activityName
     ${PEOPLE_FROM('invited')} ORDER BY ${SHEET_ORDER}`,
  ).all({ session: sessionId }) as (InviteeRow & {
    communeName: string | null
    activityName: string | null
  })[]
  return rows.map((r) => ({
    ...toInvitee(r),
    communeName: r.communeName,
    activityName: r.activityName,
  }))
}

/** The invitation and check-in state of given artisans for a session, by artisan id. */
export function inviteesByIds(db: Db, sessionId: string, ids: string[]): Map<string, Invitee> {
  if (ids.length === 0) return new Map()
  const rows = sql(
    db,
    `SELECT ${INVITEE_COLUMNS}
       FROM artisan
       LEFT JOIN session_invitee i ON i.session_id = @session AND i.artisan_id = artisan.id
       LEFT JOIN session_attendance t ON t.session_id = @session AND t.artisan_id = artisan.id
      WHERE artisan.id IN (SELECT value FROM json_each(@ids)) AND artisan.deleted_at IS NULL`,
  ).all({ session: sessionId, ids: JSON.stringify(ids) }) as InviteeRow[]
  return new Map(rows.map((r) => [r.id, toInvitee(r)]))
}
