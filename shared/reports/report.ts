import { z } from 'zod'
import { todayIso } from '../artisans/birth-date'
import { stripInvisible, toAsciiDigits } from '../validation/digits'
import type { Period } from './dashboard'

/**
 * The chamber's monthly or quarterly report to the ministry (issue 8): which period
 * (`2026-10`, a month, or `2026-Q4`, a quarter), in which language and format, and for the
 * whole chamber or one of its provinces. The period is compared with the one before it
 * (the month before, the quarter before). A period that has not started yet is refused;
 * the current one is allowed and reported up to the day it is generated.
 */
export const REPORT_LANGUAGES = ['ar', 'fr'] as const
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number]
export const REPORT_FORMATS = ['pdf', 'xlsx'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** The register (law 50.17) dates from 2020: nothing to report before. */
export const FIRST_REPORT_YEAR = 2020

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
const QUARTER = /^(\d{4})-Q([1-4])$/

export type PeriodKind = 'month' | 'quarter'

export interface ReportPeriods {
  kind: PeriodKind
  year: number
  /** Month 1–12, or quarter 1–4. */
  index: number
  /** The period as written in file names: `2026-10`, `2026-Q4`. */
  label: string
  current: Period
  /** The month or quarter before. */
  previous: Period
  previousLabel: string
  /** The calendar months of the current period (one for a month, three for a quarter). */
  months: Period[]
}

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
const monthPeriod = (year: number, month: number): Period => ({
  from: `${year}-${pad(month)}-01`,
  to: `${year}-${pad(month)}-${pad(lastDay(year, month))}`,
})

/** `2026-10` → 2026, 10 and `2026-q4 ` → 2026, Q4; anything else → null. */
function parsePeriod(text: string): { kind: PeriodKind; year: number; index: number } | null {
  const m = MONTH.exec(text)
  if (m) return { kind: 'month', year: Number(m[1]), index: Number(m[2]) }
  const q = QUARTER.exec(text)
  if (q) return { kind: 'quarter', year: Number(q[1]), index: Number(q[2]) }
  return null
}

/** What a clerk types, made canonical: Arabic-Indic digits, spaces, marks, a small q. */
export function normalisePeriod(text: string): string {
  return toAsciiDigits(stripInvisible(text)).trim().toUpperCase()
}

function periodsOf(kind: PeriodKind, year: number, index: number): ReportPeriods {
  if (kind === 'month') {
    const [py, pm] = index === 1 ? [year - 1, 12] : [year, index - 1]
    return {
      kind,
      year,
      index,
      label: `${year}-${pad(index)}`,
      current: monthPeriod(year, index),
      previous: monthPeriod(py, pm),
      previousLabel: `${py}-${pad(pm)}`,
      months: [monthPeriod(year, index)],
    }
  }
  const first = (index - 1) * 3 + 1
  const months = [0, 1, 2].map((i) => monthPeriod(year, first + i))
  const [py, pq] = index === 1 ? [year - 1, 4] : [year, index - 1]
  const pFirst = (pq - 1) * 3 + 1
  return {
    kind,
    year,
    index,
    label: `${year}-Q${index}`,
    current: { from: months[0]!.from, to: months[2]!.to },
    previous: { from: monthPeriod(py, pFirst).from, to: monthPeriod(py, pFirst + 2).to },
    previousLabel: `${py}-Q${pq}`,
    months,
  }
}

/**
 * The current and previous periods of `2026-10` (October and September 2026) or of
 * `2026-Q1` (January–March 2026 and October–December 2025). Throws on text that is not a
 * month or a quarter (the schema refuses it first).
 */
export function reportPeriods(period: string): ReportPeriods {
  const parsed = parsePeriod(normalisePeriod(period))
  if (!parsed) throw new RangeError(`not a month or a quarter: ${period}`)
  return periodsOf(parsed.kind, parsed.year, parsed.index)
}

/** Whether the period starts after `today` (YYYY-MM-DD). */
export function startsInFuture(period: string, today: string): boolean {
  return reportPeriods(period).current.from > today
}

export const ReportPeriodSchema = z
  .string()
  .max(20, { error: 'validation.report_period' })
  .transform(normalisePeriod)
  .refine((s) => parsePeriod(s) !== null, { error: 'validation.report_period', abort: true })
  .refine((s) => (parsePeriod(s)?.year ?? 0) >= FIRST_REPORT_YEAR, {
    error: 'validation.date_too_old',
    abort: true,
  })
  .refine((s) => !startsInFuture(s, todayIso()), { error: 'validation.report_period_future' })

const code = z.string().regex(/^[A-Z0-9.]{1,16}$/, { error: 'validation.territory' })

export const ReportRequestSchema = z.object({
  period: ReportPeriodSchema,
  lang: z.enum(REPORT_LANGUAGES, { error: 'validation.language' }),
  format: z.enum(REPORT_FORMATS, { error: 'validation.choice' }),
  /** One province of the chamber's region; the whole chamber when absent. */
  provinceCode: code.optional(),
})
export type ReportRequest = z.infer<typeof ReportRequestSchema>
export type ReportRequestInput = z.input<typeof ReportRequestSchema>

/** `sijill-report-2026-10-ar.pdf`; with a province, its code before the language. */
export function reportFileName(r: ReportRequest): string {
  const place = r.provinceCode ? `-${r.provinceCode.replace(/\./g, '_')}` : ''
  return `sijill-report-${normalisePeriod(r.period)}${place}-${r.lang}.${r.format}`
}
