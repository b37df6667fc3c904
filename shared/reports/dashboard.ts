import { z } from 'zod'
import { ACTOR_TYPES, SEXES } from '../artisans/enums'

/**
 * The home dashboard's figures (issue 8): a filter over the register and a period, and
 * what the chamber reports to the ministry for it — the path funnel as it stands today,
 * what happened in the period, certificates, awareness sessions, and a trend. Conversion
 * rates are derived on screen from the counts, never stored here.
 */

/** Age bands, in whole years reached on the period's last day (birth date required). */
export const AGE_BANDS = ['<25', '25-34', '35-44', '45-54', '55-64', '65+'] as const
export type AgeBand = (typeof AGE_BANDS)[number]

/** Each band's whole years, [min, max): null where the band is open. */
export const AGE_LIMITS: Record<AgeBand, [number | null, number | null]> = {
  '<25': [null, 25],
  '25-34': [25, 35],
  '35-44': [35, 45],
  '45-54': [45, 55],
  '55-64': [55, 65],
  '65+': [65, null],
}

const code = z.string().regex(/^[A-Z0-9.]{1,16}$/, { error: 'validation.choice' })
/** A real calendar day, YYYY-MM-DD. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      error: 'validation.date',
    },
  )

/** Both ends inclusive. */
export const PeriodSchema = z
  .object({ from: day, to: day })
  .refine((p) => p.from <= p.to, { error: 'validation.end_before_start', path: ['to'] })
export type Period = z.infer<typeof PeriodSchema>

export const DashboardFilterSchema = z.object({
  period: PeriodSchema,
  provinceCode: code.optional(),
  communeCode: code.optional(),
  /** An activity branch of the nomenclature (e.g. `P01`): the main activity is in it. */
  branch: code.optional(),
  /** An activity code (e.g. `P01.001`): the artisan's main activity. */
  activity: code.optional(),
  actorType: z.enum(ACTOR_TYPES).optional(),
  sex: z.enum(SEXES).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
})
export type DashboardFilter = z.infer<typeof DashboardFilterSchema>

const count = z.number().int().min(0)

/**
 * Where the artisans matching the filter stand today (deleted files excluded; the period
 * plays no part except through the age band).
 */
export const FunnelSchema = z.object({
  /** Every file matching the filter: each artisan is at least identified. */
  identified: count,
  /** rna_status = 'registered'. */
  registered: count,
  /** cover_status in (cnss_pre_registered, amo_covered): AMO implies the CNSS pre-registration. */
  cnssPreRegistered: count,
  /** cover_status = 'amo_covered'. */
  amoCovered: count,
  /** cover_status = 'other_cover': already covered by another scheme. */
  otherCover: count,
  /** bank_status = 'opened'. */
  banked: count,
})

/**
 * What happened in the period to the artisans matching the filter: files created
 * (created_at's day in the period) and path steps recorded (artisan_event rows of that
 * step whose happened_on is in the period; each event counts once).
 */
export const InPeriodSchema = z.object({
  identified: count,
  /** Events rna_registered. */
  registered: count,
  /** Events cnss_pre_registered. */
  cnssPreRegistered: count,
  /** Events amo_covered. */
  amoCovered: count,
  /** Events bank_opened. */
  banked: count,
})

/** Documents of type certificate for artisans matching the filter. */
export const CertificatesSchema = z.object({
  /** Issued (issued_at's day) in the period, copies included. */
  issued: count,
  /** Cancelled (cancelled_at's day) in the period. */
  cancelled: count,
})

/**
 * Sessions held (status 'held') starting in the period; with a province or commune filter,
 * those placed there. The artisan filters (activity, sex…) do not apply to sessions.
 */
export const SessionFiguresSchema = z.object({
  held: count,
  /** Check-ins at those sessions, walk-ins included. */
  attendance: count,
  walkIns: count,
})

/** One bucket of the trend: a calendar month, or an ISO week when the period is ≤ 92 days. */
export const TrendBucketSchema = z.object({
  /** `2026-10` for a month, `2026-W41` for an ISO week. */
  label: z.string(),
  /** The bucket's first and last day, clipped to the period. */
  from: z.string(),
  to: z.string(),
  identified: count,
  registered: count,
  cnssPreRegistered: count,
  amoCovered: count,
  banked: count,
})
export type TrendBucket = z.infer<typeof TrendBucketSchema>

export const DashboardSchema = z.object({
  funnel: FunnelSchema,
  inPeriod: InPeriodSchema,
  certificates: CertificatesSchema,
  sessions: SessionFiguresSchema,
  trend: z.object({ unit: z.enum(['week', 'month']), buckets: z.array(TrendBucketSchema) }),
})
export type Dashboard = z.infer<typeof DashboardSchema>

/** The trend's unit for a period: weeks up to 92 days, months beyond. */
export function trendUnit(period: Period): 'week' | 'month' {
  const days =
    (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 864e5 + 1
  return days <= 92 ? 'week' : 'month'
}
