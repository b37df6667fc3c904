import { appError } from '@shared/errors'
import type { Dashboard, TrendBucket } from '@shared/reports/dashboard'
import { change, FUNNEL_STEPS, funnelRate, RATE_BASE, type FunnelStep } from '@shared/reports/rates'
import { reportPeriods, type ReportPeriods, type ReportRequest } from '@shared/reports/report'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { getProfile } from '../settings/desk-profile-service'
import { dashboard } from './dashboard'

/**
 * What the report to the ministry says (issue 8), computed from the dashboard's own
 * figures so that the screen and the paper never disagree:
 * - the path funnel as it stands on the day the report is made (statuses are kept as they
 *   are today, not as they were at the period's end), each step with its rate
 *   (shared/reports/rates.ts: AMO over CNSS, every other step over identified; a rate over
 *   nothing is null);
 * - what happened in the period (files created, path steps, certificates, sessions) next
 *   to the same figures for the period before, with the change in count and in percent
 *   (null when the period before had none);
 * - a trend: ISO weeks for a month (the dashboard's own buckets), calendar months for a
 *   quarter (the dashboard's weeks would straddle months, so each month is asked for on
 *   its own and its in-period figures make the bucket);
 * - for the whole chamber, the same per province of the chamber's region, and what falls
 *   outside them (files with another province or none).
 * Cost: one dashboard for each period, one per month of a quarter, one per province.
 */
export type InPeriodKey = keyof Dashboard['inPeriod']
export type CertificateKey = keyof Dashboard['certificates']
export type SessionKey = keyof Dashboard['sessions']

export interface FunnelRow {
  step: FunnelStep
  count: number
  /** The step the rate is taken over, null for identified. */
  base: FunnelStep | null
  rate: number | null
}

export interface Compared<K extends string = string> {
  key: K
  current: number
  previous: number
  delta: number
  /** (current − previous) / previous; null when previous is 0. */
  ratio: number | null
}

export interface Place {
  code: string
  nameAr: string
  nameFr: string
}

export interface ProvinceRow {
  /** Null for the row of files outside the region's provinces. */
  place: Place | null
  funnel: Dashboard['funnel']
  inPeriod: Dashboard['inPeriod']
}

export interface ReportData {
  request: ReportRequest
  periods: ReportPeriods
  /** The day the report was made (YYYY-MM-DD): the funnel's date. */
  generatedOn: string
  /** The current period has not ended: its figures run up to `generatedOn`. */
  inProgress: boolean
  region: Place
  province: Place | null
  funnel: FunnelRow[]
  inPeriod: Compared<InPeriodKey>[]
  certificates: Compared<CertificateKey>[]
  sessions: Compared<SessionKey>[]
  trend: { unit: 'week' | 'month'; buckets: TrendBucket[] }
  /** Whole chamber only: one row per province of the region, then the rest if any. */
  provinces: ProvinceRow[] | null
  current: Dashboard
  previous: Dashboard
}

const IN_PERIOD: readonly InPeriodKey[] = [
  'identified',
  'registered',
  'cnssPreRegistered',
  'amoCovered',
  'banked',
]
const CERTIFICATES: readonly CertificateKey[] = ['issued', 'cancelled']
const SESSIONS: readonly SessionKey[] = ['held', 'attendance', 'walkIns']

function compare<K extends string>(
  keys: readonly K[],
  now: Record<K, number>,
  before: Record<K, number>,
): Compared<K>[] {
  return keys.map((key) => ({
    key,
    current: now[key],
    previous: before[key],
    ...change(now[key], before[key]),
  }))
}

function place(db: Db, table: 'ref_region' | 'ref_province', code: string): Place | undefined {
  return sql(
    db,
    `SELECT code, name_ar AS nameAr, name_fr AS nameFr FROM ${table} WHERE code = ?`,
  ).get(code) as Place | undefined
}

/** The province asked for, refused unless it is one of the chamber's region. */
function provinceOf(db: Db, regionCode: string, code: string | undefined): Place | null {
  if (!code) return null
  const row = sql(db, 'SELECT region_code FROM ref_province WHERE code = ?').pluck().get(code) as
    string | undefined
  if (row !== regionCode)
    throw appError('validation', 'errors.validation', undefined, [
      { path: 'provinceCode', key: 'validation.report_province' },
    ])
  return place(db, 'ref_province', code) ?? null
}

const sumOf = <K extends string>(rows: Record<K, number>[], keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Record<K, number>

const minus = <T extends Record<string, number>>(whole: T, part: Record<keyof T, number>): T =>
  Object.fromEntries(Object.keys(whole).map((k) => [k, whole[k]! - part[k]!])) as T

export function reportData(db: Db, request: ReportRequest, today: string): ReportData {
  const regionCode = getProfile(db).chamber.regionCode
  const region = place(db, 'ref_region', regionCode) ?? {
    code: regionCode,
    nameAr: regionCode,
    nameFr: regionCode,
  }
  const province = provinceOf(db, regionCode, request.provinceCode)
  const periods = reportPeriods(request.period)
  const filter = (period: ReportPeriods['current'], provinceCode = province?.code) =>
    provinceCode ? { period, provinceCode } : { period }

  const current = dashboard(db, filter(periods.current))
  const previous = dashboard(db, filter(periods.previous))

  const trend: ReportData['trend'] =
    periods.kind === 'month'
      ? current.trend
      : {
          unit: 'month',
          buckets: periods.months.map((m) => ({
            label: m.from.slice(0, 7),
            from: m.from,
            to: m.to,
            ...dashboard(db, filter(m)).inPeriod,
          })),
        }

  let provinces: ProvinceRow[] | null = null
  if (!province) {
    const codes = sql(db, 'SELECT code FROM ref_province WHERE region_code = ? ORDER BY code')
      .pluck()
      .all(regionCode) as string[]
    provinces = codes.map((code) => {
      const d = dashboard(db, filter(periods.current, code))
      return {
        place: place(db, 'ref_province', code) ?? null,
        funnel: d.funnel,
        inPeriod: d.inPeriod,
      }
    })
    // What the region's provinces leave out of the chamber's figures: files placed in
    // another region's province, or in none.
    const rest = {
      funnel: minus(
        current.funnel,
        sumOf(
          provinces.map((p) => p.funnel),
          FUNNEL_STEPS,
        ),
      ),
      inPeriod: minus(
        current.inPeriod,
        sumOf(
          provinces.map((p) => p.inPeriod),
          IN_PERIOD,
        ),
      ),
    }
    if (rest.funnel.identified > 0 || IN_PERIOD.some((k) => rest.inPeriod[k] > 0))
      provinces.push({ place: null, ...rest })
  }

  return {
    request,
    periods,
    generatedOn: today,
    inProgress: periods.current.to >= today,
    region,
    province,
    funnel: FUNNEL_STEPS.map((step) => ({
      step,
      count: current.funnel[step],
      base: RATE_BASE[step],
      rate: funnelRate(current.funnel, step),
    })),
    inPeriod: compare(IN_PERIOD, current.inPeriod, previous.inPeriod),
    certificates: compare(CERTIFICATES, current.certificates, previous.certificates),
    sessions: compare(SESSIONS, current.sessions, previous.sessions),
    trend,
    provinces,
    current,
    previous,
  }
}
