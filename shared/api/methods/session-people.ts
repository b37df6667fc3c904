import { z } from 'zod'
import { EVERY_ROLE, method } from '../method'
import type { Role } from '../roles'
import {
  ATTENDEE_VIEWS,
  CheckInResultSchema,
  InvitationFilterSchema,
  InviteePageSchema,
  InviteeSchema,
  OutcomesSchema,
  WalkInSchema,
} from '../../sessions/attendance'
import { CaravanSchema, CaravanSummarySchema, CreateCaravanSchema } from '../../sessions/caravan'

/**
 * The people of a session: the invitation list (organisers build it from filters over the
 * register), check-in at the door (clerks help there too), walk-ins, outcomes; and caravans.
 */
const ORGANISERS: readonly Role[] = ['session_organiser', 'supervisor', 'administrator']
const DOOR: readonly Role[] = ['clerk', 'session_organiser', 'supervisor', 'administrator']
const id = z.string().min(1).max(64)
const sessionId = id
const file = z.object({ fileName: z.string(), base64: z.string() })

export const sessionPeopleMethods = {
  'sessions.invitationCount': method({
    input: z.object({ sessionId, filter: InvitationFilterSchema }),
    /** `more`: over the cap of one invitation; `matching` then counts only up to it. */
    output: z.object({
      matching: z.number().int(),
      alreadyInvited: z.number().int(),
      more: z.boolean(),
    }),
    roles: ORGANISERS,
    needsSetup: true,
    writes: false,
  }),
  'sessions.invite': method({
    input: z.object({ sessionId, filter: InvitationFilterSchema }),
    output: z.object({ added: z.number().int(), invited: z.number().int() }),
    roles: ORGANISERS,
    needsSetup: true,
    writes: true,
  }),
  'sessions.uninvite': method({
    input: z.object({ sessionId, artisanIds: z.array(id).min(1).max(5000) }),
    output: z.object({ removed: z.number().int(), invited: z.number().int() }),
    roles: ORGANISERS,
    needsSetup: true,
    writes: true,
  }),
  'sessions.people': method({
    input: z.object({
      sessionId,
      view: z.enum(ATTENDEE_VIEWS).default('all'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: InviteePageSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'sessions.invitationCsv': method({
    input: z.object({ sessionId }),
    output: file,
    roles: ORGANISERS,
    needsSetup: true,
    writes: false,
  }),
  'sessions.findAtDoor': method({
    input: z.object({ sessionId, query: z.string().max(200) }),
    output: z.array(InviteeSchema),
    roles: DOOR,
    needsSetup: true,
    writes: false,
  }),
  'sessions.checkIn': method({
    input: z.object({ sessionId, artisanId: id }),
    output: CheckInResultSchema,
    roles: DOOR,
    needsSetup: true,
    writes: true,
  }),
  'sessions.undoCheckIn': method({
    input: z.object({ sessionId, artisanId: id }),
    output: z.object({ attended: z.number().int() }),
    roles: DOOR,
    needsSetup: true,
    writes: true,
  }),
  'sessions.walkIn': method({
    input: WalkInSchema,
    output: CheckInResultSchema,
    roles: DOOR,
    needsSetup: true,
    writes: true,
  }),
  'sessions.outcomes': method({
    input: z.object({ sessionId }),
    output: OutcomesSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'caravans.list': method({
    input: z.object({}).strict(),
    output: z.array(CaravanSummarySchema),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'caravans.get': method({
    input: z.object({ id }),
    output: CaravanSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'caravans.create': method({
    input: CreateCaravanSchema,
    output: CaravanSummarySchema,
    roles: ORGANISERS,
    needsSetup: true,
    writes: true,
  }),
}
