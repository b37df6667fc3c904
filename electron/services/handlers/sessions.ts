import type { Handlers } from '../api/router'
import type { Db } from '../database/open'
import {
  getSession,
  listSessions,
  planSession,
  setSessionStatus,
  updateSession,
} from '../sessions/sessions'
import { sessionsOfArtisan } from '../sessions/artisan-sessions'

export function sessionHandlers(
  db: Db,
): Pick<
  Handlers,
  | 'sessions.list'
  | 'sessions.get'
  | 'sessions.ofArtisan'
  | 'sessions.plan'
  | 'sessions.update'
  | 'sessions.setStatus'
> {
  return {
    'sessions.list': (input) => listSessions(db, input),
    'sessions.get': (input) => getSession(db, input.id),
    'sessions.ofArtisan': (input) => sessionsOfArtisan(db, input.artisanId),
    'sessions.plan': (input, ctx) => planSession(db, ctx.actor, input),
    'sessions.update': (input, ctx) => updateSession(db, ctx.actor, input),
    'sessions.setStatus': (input, ctx) => setSessionStatus(db, ctx.actor, input),
  }
}
