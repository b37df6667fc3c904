import { z } from 'zod'

/**
 * Supervisor approval of a clerk's work before it reaches the national registry: what a
 * request is (a new registration, or a change of an artisan's identity), where it stands,
 * and which fields of a file count as its identity. Shared by the API, the services that
 * hold files back and the screens that show the queue.
 */
export const APPROVAL_KINDS = ['registration', 'sensitive_edit'] as const
export type ApprovalKind = (typeof APPROVAL_KINDS)[number]

export const APPROVAL_STATUSES = ['pending', 'approved', 'returned'] as const
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number]

/** A change of any of these needs a supervisor's approval (when a clerk makes it). */
export const SENSITIVE_FIELDS = [
  'cin',
  'firstNameAr',
  'lastNameAr',
  'firstNameLat',
  'lastNameLat',
  'birthDate',
] as const

/**
 * Steps that wait while a file waits for a supervisor's approval (docs/approvals.md):
 * "submitted to the RNA" would say the file went to the national register while the
 * registry is exactly what waits. A decision the RNA already took elsewhere (a NIA or a
 * rejection read on its platform) is recorded meanwhile, like CNSS, cover and bank steps.
 * The path service refuses them (`errors.step_waits_approval`); the file's screen shows
 * them disabled with the reason.
 */
export const STEPS_HELD_WHILE_WAITING = ['rna_submitted'] as const

/** The setting `approval.required`: on by default. */
export const ApprovalSettingsSchema = z.object({ required: z.boolean() })
export type ApprovalSettings = z.infer<typeof ApprovalSettingsSchema>
export const DEFAULT_APPROVAL_SETTINGS: ApprovalSettings = { required: true }

const Person = z.object({ id: z.string(), name: z.string() })

export const ApprovalViewSchema = z.object({
  id: z.string(),
  artisanId: z.string(),
  kind: z.enum(APPROVAL_KINDS),
  status: z.enum(APPROVAL_STATUSES),
  requestedBy: Person,
  requestedAt: z.string(),
  /** Who approved or returned it last (a resubmitted request keeps its last return). */
  decidedBy: Person.nullable(),
  decidedAt: z.string().nullable(),
  /** The supervisor's comment when returning it. */
  comment: z.string().nullable(),
  /** Pending again after being returned and corrected. */
  resubmitted: z.boolean(),
  version: z.number().int(),
  artisan: z.object({
    cin: z.string().nullable(),
    firstNameAr: z.string().nullable(),
    lastNameAr: z.string().nullable(),
    firstNameLat: z.string().nullable(),
    lastNameLat: z.string().nullable(),
    birthDate: z.string().nullable(),
  }),
  /** Per field: the value before the first held change (null for a registration), and now. */
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  /** Operations of this file waiting in the outbox (held until approval). */
  held: z.number().int(),
})
export type ApprovalView = z.infer<typeof ApprovalViewSchema>
