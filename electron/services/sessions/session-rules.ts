import { todayIso } from '@shared/artisans/birth-date'
import { appError } from '@shared/errors'
import type { Session } from '@shared/sessions/session'
import type { Db } from '../database/open'
import { getSession } from './sessions'

/**
 * When a session's people may change (issue 6). A cancelled session takes no new invitees
 * and no check-ins. Check-in opens on the session's day (the day of `startsAt`, as for
 * marking it held) and stays open afterwards, so a signed paper sheet from a caravan can
 * be entered days later; a session already marked held is open whatever its date.
 */
export function sessionOpenForInvitations(db: Db, sessionId: string): Session {
  const session = getSession(db, sessionId)
  if (session.status === 'cancelled') throw appError('conflict', 'errors.session_cancelled')
  return session
}

export function sessionOpenForCheckIn(db: Db, sessionId: string, today = todayIso()): Session {
  const session = getSession(db, sessionId)
  if (session.status === 'cancelled') throw appError('conflict', 'errors.session_cancelled')
  const day = session.startsAt.slice(0, 10)
  if (session.status !== 'held' && day > today)
    throw appError('conflict', 'errors.check_in_not_open', { day })
  return session
}
