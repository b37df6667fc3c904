import { z } from 'zod'
import { ArtisanSummarySchema } from './records'
import { ACTOR_TYPES, BANK_STATUSES, COVER_STATUSES, SEXES } from './enums'

/**
 * The artisans list: filters over the register and keyset pages (newest first), so the
 * list scrolls through a national-size register without ever loading all of it. Besides
 * the file's own columns, a filter can name what happened to the artisan in a period (a
 * path step, a certificate, a session attended): that is how a number on the dashboard
 * opens the list of the artisans behind it (shared/reports/drill.ts).
 */
const code = z.string().regex(/^[A-Z0-9.]{1,16}$/, { error: 'validation.choice' })
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
/** A real calendar day, YYYY-MM-DD (not 2023-02-29). */
const calendarDay = day.refine(
  (s) => {
    const t = Date.parse(`${s}T00:00:00Z`)
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s)
  },
  { error: 'validation.date' },
)

/** A period's two ends (inclusive) in order. */
const period = { from: calendarDay, to: calendarDay }
const ordered = (p: { from: string; to: string }) => p.from <= p.to
const ORDER = { error: 'validation.end_before_start', path: ['to'] }

/** The path steps the dashboard counts in a period. */
export const LIST_STEPS = [
  'rna_registered',
  'cnss_pre_registered',
  'amo_covered',
  'bank_opened',
] as const

export const ListFilterSchema = z.object({
  regionCode: code.optional(),
  provinceCode: code.optional(),
  communeCode: code.optional(),
  /** The main activity, e.g. `P01.001`. */
  activity: code.optional(),
  /** A branch of the nomenclature (`P01`): the main activity is in it. */
  branch: code.optional(),
  actorType: z.enum(ACTOR_TYPES).optional(),
  sex: z.enum(SEXES).optional(),
  /** Born on or after this day (files without a birth date are left out). */
  bornFrom: calendarDay.optional(),
  /** Born on or before this day (files without a birth date are left out). */
  bornTo: calendarDay.optional(),
  rnaStatus: z.enum(['identified', 'pending', 'submitted', 'registered', 'rejected']).optional(),
  coverStatus: z.enum(COVER_STATUSES).optional(),
  /** The cover is one of these (CNSS pre-registered: `cnss_pre_registered`, `amo_covered`). */
  coverIn: z.array(z.enum(COVER_STATUSES)).min(1).max(COVER_STATUSES.length).optional(),
  bankStatus: z.enum(BANK_STATUSES).optional(),
  /** Created on or after this day. */
  createdFrom: day.optional(),
  /** Created on or before this day. */
  createdTo: day.optional(),
  /** At least one path event of this step happened in the period (listed once however many). */
  step: z
    .object({ step: z.enum(LIST_STEPS), ...period })
    .refine(ordered, ORDER)
    .optional(),
  /** At least one certificate (original or copy) issued in the period. */
  certificateIssued: z.object(period).refine(ordered, ORDER).optional(),
  /** At least one certificate cancelled in the period. */
  certificateCancelled: z.object(period).refine(ordered, ORDER).optional(),
  /**
   * Checked in at least once at a session held (status `held`) that started in the period,
   * placed in the commune, else in the province, when one is given; only walk-ins with
   * `walkIn`.
   */
  attended: z
    .object({
      ...period,
      provinceCode: code.optional(),
      communeCode: code.optional(),
      walkIn: z.literal(true).optional(),
    })
    .refine(ordered, ORDER)
    .optional(),
})
export type ListFilter = z.infer<typeof ListFilterSchema>

export const ListRequestSchema = z.object({
  filter: ListFilterSchema.default({}),
  /** The `next` of the previous page. */
  after: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
})

export const ListPageSchema = z.object({
  items: z.array(ArtisanSummarySchema),
  next: z.number().int().nullable(),
})
export type ListPage = z.infer<typeof ListPageSchema>
