import { z } from 'zod'
import { EVERY_ROLE, method } from '../method'
import type { Role } from '../roles'
import {
  PlanSessionSchema,
  SESSION_KINDS,
  SESSION_STATUSES,
  SessionSchema,
  UpdateSessionSchema,
} from '../../sessions/session'

/**
 * Awareness sessions: organisers (and supervisors, administrators) plan, correct and close
 * them; everyone at the desk can read them.
 */
const ORGANISERS: readonly Role[] = ['session_organiser', 'supervisor', 'administrator']
const id = z.string().min(1).max(64)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })

export const sessionMethods = {
  'sessions.list': method({
    input: z.object({ from: day.optional(), to: day.optional() }),
    output: z.array(SessionSchema),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'sessions.get': method({
    input: z.object({ id }),
    output: SessionSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'sessions.ofArtisan': method({
    input: z.object({ artisanId: id }),
    output: z.array(
      z.object({
        sessionId: z.string(),
        title: z.string(),
        kind: z.enum(SESSION_KINDS),
        startsAt: z.string(),
        checkedInAt: z.string(),
        walkIn: z.boolean(),
      }),
    ),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'sessions.plan': method({
    input: PlanSessionSchema,
    output: SessionSchema,
    roles: ORGANISERS,
    needsSetup: true,
    writes: true,
  }),
  'sessions.update': method({
    input: UpdateSessionSchema,
    output: SessionSchema,
    roles: ORGANISERS,
    needsSetup: true,
    writes: true,
  }),
  'sessions.setStatus': method({
    input: z.object({
      id,
      status: z.enum(SESSION_STATUSES),
      reason: z.string().max(300).nullable().default(null),
    }),
    output: SessionSchema,
    roles: ORGANISERS,
    needsSetup: true,
    writes: true,
  }),
}
