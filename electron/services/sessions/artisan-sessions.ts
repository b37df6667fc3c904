import type { Db } from '../database/open'
import { sql } from '../database/statements'

/** The sessions an artisan came to, newest first, as their file shows them. */
export interface AttendedSession {
  sessionId: string
  title: string
  kind: 'chamber' | 'fair' | 'caravan_stop' | 'contact_point'
  startsAt: string
  checkedInAt: string
  walkIn: boolean
}

export function sessionsOfArtisan(db: Db, artisanId: string): AttendedSession[] {
  return (
    sql(
      db,
      `SELECT s.id AS sessionId, s.title, s.kind, s.starts_at AS startsAt,
              a.checked_in_at AS checkedInAt, a.walk_in AS walkIn
         FROM session_attendance a JOIN session s ON s.id = a.session_id
        WHERE a.artisan_id = ? ORDER BY s.starts_at DESC LIMIT 100`,
    ).all(artisanId) as (Omit<AttendedSession, 'walkIn'> & { walkIn: number })[]
  ).map((r) => ({ ...r, walkIn: r.walkIn === 1 }))
}
