import { z } from 'zod'

/**
 * An awareness session as organisers plan it (issue 6): what kind, when, where, with whom,
 * in which languages, for whom, how many seats, who organises; and its status. Dates are
 * local date-times `YYYY-MM-DDTHH:MM`. A session cannot end before it starts, and a new
 * session cannot be planned in the past.
 */
export const SESSION_KINDS = ['chamber', 'fair', 'caravan_stop', 'contact_point'] as const
export const SESSION_STATUSES = ['planned', 'held', 'cancelled'] as const
export const PARTNER_KINDS = ['directorate', 'cnss', 'bank', 'other'] as const
export const SESSION_LANGUAGES = ['ar', 'zgh', 'fr'] as const

const dateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'validation.date_time' })
const text = (max: number) => z.string().trim().max(max, { error: 'validation.too_long' })
const code = z.string().trim().max(16)

export const PartnerSchema = z.object({
  kind: z.enum(PARTNER_KINDS, { error: 'validation.choice' }),
  name: z.string().trim().min(2, { error: 'validation.required' }).max(120),
  contact: text(200).default(''),
})
export type Partner = z.infer<typeof PartnerSchema>

export const SessionFieldsSchema = z.object({
  kind: z.enum(SESSION_KINDS, { error: 'validation.choice' }),
  title: z.string().trim().min(3, { error: 'validation.required' }).max(200),
  startsAt: dateTime,
  endsAt: dateTime,
  provinceCode: code.nullable().default(null),
  communeCode: code.nullable().default(null),
  venue: text(200).default(''),
  partners: z.array(PartnerSchema).max(10).default([]),
  languages: z.array(z.enum(SESSION_LANGUAGES)).max(3).default(['ar']),
  targetActivities: z.array(code).max(50).default([]),
  targetCommunes: z.array(code).max(50).default([]),
  capacity: z.number().int().min(1).max(10_000).nullable().default(null),
  organiser: text(120).default(''),
  caravanId: z.string().max(64).nullable().default(null),
})

/** Rules across fields: the end after the start. */
function order(s: { startsAt: string; endsAt: string }, ctx: z.RefinementCtx): void {
  if (s.endsAt <= s.startsAt)
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.end_before_start' })
}

export const PlanSessionSchema = SessionFieldsSchema.superRefine(order)
export type PlanSessionInput = z.input<typeof PlanSessionSchema>
export type PlanSession = z.output<typeof PlanSessionSchema>

export const UpdateSessionSchema = SessionFieldsSchema.extend({
  id: z.string().min(1).max(64),
  expectedVersion: z.number().int().positive(),
}).superRefine(order)

export const SessionSchema = z.object({
  id: z.string(),
  kind: z.enum(SESSION_KINDS),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  provinceCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  venue: z.string(),
  partners: z.array(PartnerSchema),
  languages: z.array(z.enum(SESSION_LANGUAGES)),
  targetActivities: z.array(z.string()),
  targetCommunes: z.array(z.string()),
  capacity: z.number().nullable(),
  organiser: z.string(),
  caravanId: z.string().nullable(),
  status: z.enum(SESSION_STATUSES),
  cancelReason: z.string().nullable(),
  invited: z.number().int(),
  attended: z.number().int(),
  version: z.number().int(),
})
export type Session = z.infer<typeof SessionSchema>
