import type { Handlers } from '../api/router'
import type { Db } from '../database/open'
import { createCaravan, getCaravan, listCaravans } from '../sessions/caravans'
import { checkIn, findAtDoor, undoCheckIn, walkIn } from '../sessions/check-in'
import { invitationCsv } from '../sessions/invitation-csv'
import { invitationCount, invite, uninvite } from '../sessions/invitations'
import { sessionOutcomes } from '../sessions/outcomes'
import { sessionPeople } from '../sessions/people'

/** The people of awareness sessions (invitations, the door, outcomes) and caravans. */
export function sessionPeopleHandlers(
  db: Db,
): Pick<
  Handlers,
  | 'sessions.invitationCount'
  | 'sessions.invite'
  | 'sessions.uninvite'
  | 'sessions.people'
  | 'sessions.invitationCsv'
  | 'sessions.findAtDoor'
  | 'sessions.checkIn'
  | 'sessions.undoCheckIn'
  | 'sessions.walkIn'
  | 'sessions.outcomes'
  | 'caravans.list'
  | 'caravans.get'
  | 'caravans.create'
> {
  return {
    'sessions.invitationCount': (input) => invitationCount(db, input.sessionId, input.filter),
    'sessions.invite': (input, ctx) => invite(db, ctx.actor, input),
    'sessions.uninvite': (input, ctx) => uninvite(db, ctx.actor, input),
    'sessions.people': (input) => sessionPeople(db, input),
    'sessions.invitationCsv': (input) => invitationCsv(db, input.sessionId),
    'sessions.findAtDoor': (input) => findAtDoor(db, input),
    'sessions.checkIn': (input, ctx) => checkIn(db, ctx.actor, input),
    'sessions.undoCheckIn': (input, ctx) => undoCheckIn(db, ctx.actor, input),
    'sessions.walkIn': (input, ctx) => walkIn(db, ctx.actor, input),
    'sessions.outcomes': (input) => sessionOutcomes(db, input.sessionId),
    'caravans.list': () => listCaravans(db),
    'caravans.get': (input) => getCaravan(db, input.id),
    'caravans.create': (input, ctx) => createCaravan(db, ctx.actor, input),
  }
}
