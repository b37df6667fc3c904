import { z } from 'zod'
import { ArtisanSummarySchema } from '../artisans/records'
import { IdentificationSchema } from '../artisans/identification'

/**
 * Who is invited to a session and who came (issue 6). The invitation list is built from
 * filters over the register: communes, activities and a stage of the path ("registered but
 * not pre-registered with the CNSS"…). At the door an invited or known artisan is checked
 * in; a walk-in is identified on the spot (or linked to their file when the CIN is known).
 */
const code = z.string().regex(/^[A-Z0-9.]{1,16}$/, { error: 'validation.choice' })

/** Stages of the path an organiser targets: who still has a step to take. */
export const PATH_TARGETS = [
  'any',
  'not_registered',
  'registered_no_cnss',
  'cnss_no_amo',
  'covered_no_bank',
] as const
export type PathTarget = (typeof PATH_TARGETS)[number]

export const InvitationFilterSchema = z.object({
  communeCodes: z.array(code).max(50).default([]),
  activityCodes: z.array(code).max(50).default([]),
  pathTarget: z.enum(PATH_TARGETS, { error: 'validation.choice' }).default('any'),
})
export type InvitationFilter = z.output<typeof InvitationFilterSchema>

/** At most this many artisans are added to one invitation list by one filter. */
export const MAX_INVITED_AT_ONCE = 5000

export const InviteeSchema = ArtisanSummarySchema.extend({
  invited: z.boolean(),
  checkedInAt: z.string().nullable(),
  walkIn: z.boolean(),
})
export type Invitee = z.infer<typeof InviteeSchema>

export const InviteePageSchema = z.object({
  total: z.number().int(),
  items: z.array(InviteeSchema),
})

/** Which of a session's people a list shows. */
export const ATTENDEE_VIEWS = ['invited', 'attended', 'all'] as const

export const WalkInSchema = z.object({
  sessionId: z.string().min(1).max(64),
  identification: IdentificationSchema,
})
export type WalkInInput = z.input<typeof WalkInSchema>

export const CheckInResultSchema = z.object({
  artisanId: z.string(),
  /** A walk-in whose CIN was already in the register: linked to that file, none created. */
  linkedExisting: z.boolean(),
  attended: z.number().int(),
})

/** Counts over the days after a session among those who attended it. */
export const WindowOutcomeSchema = z.object({
  days: z.number().int(),
  /** The window is not over yet: the figures may still grow. */
  open: z.boolean(),
  registered: z.number().int(),
  cnssPreRegistered: z.number().int(),
  amoCovered: z.number().int(),
})

export const OutcomesSchema = z.object({
  invited: z.number().int(),
  attended: z.number().int(),
  invitedAttended: z.number().int(),
  walkIns: z.number().int(),
  windows: z.array(WindowOutcomeSchema),
})
export type Outcomes = z.infer<typeof OutcomesSchema>

export const OUTCOME_WINDOWS = [30, 90] as const
