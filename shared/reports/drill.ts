import type { ListFilter } from '../artisans/list'
import { AGE_LIMITS, type AgeBand, type DashboardFilter, type Period } from './dashboard'

/**
 * Drill-down (issue 8): from a number on the dashboard to the artisans behind it. Each
 * number is named (`DrillFigure`) and turned into the artisans list's filter, so the list,
 * its count and its export show those artisans. The list shows each artisan once, while a
 * few dashboard numbers count events, documents or check-ins; where one artisan can stand
 * behind several of them the list's count is smaller — see each figure below.
 */

/**
 * The dashboard's numbers that stand for artisans. `sessions.held` counts sessions, not
 * people, and has no list of its own (its people are `sessions.attendance`).
 */
export const DRILL_FIGURES = [
  /** Every file matching the filter: `drillFilter` gives exactly these. */
  'funnel.identified',
  'funnel.registered',
  'funnel.cnssPreRegistered',
  'funnel.amoCovered',
  'funnel.otherCover',
  'funnel.banked',
  /** Files created in the period (or the trend bucket): exactly these. */
  'inPeriod.identified',
  /**
   * Path events of one step in the period. The dashboard counts events, the list counts
   * artisans with at least one: equal unless an artisan has two events of the step in the
   * period, which happens — a CNSS pre-registration or an account opening recorded again
   * (the path accepts them again), AMO after a new pre-registration, or a registration
   * recorded at the counter and again from the registry on a file folded into its twin.
   */
  'inPeriod.registered',
  'inPeriod.cnssPreRegistered',
  'inPeriod.amoCovered',
  'inPeriod.banked',
  /**
   * Certificate documents issued (or cancelled) in the period: the dashboard counts
   * documents, copies (duplicata) and reissues included; the list counts the artisans who
   * received (or lost) one — "N certificates for M artisans", M ≤ N.
   */
  'certificates.issued',
  'certificates.cancelled',
  /**
   * Check-ins at sessions held in the period (and place): the dashboard counts check-ins,
   * the list the artisans checked in, each once however many sessions they attended, and
   * only live files (a file folded into its registry twin keeps its check-ins on the
   * deleted file) — "N check-ins by M artisans", M ≤ N. The dashboard's artisan filters
   * (craft, sex, age…) do not apply to sessions, and so not to these lists either.
   */
  'sessions.attendance',
  'sessions.walkIns',
] as const
export type DrillFigure = (typeof DRILL_FIGURES)[number]

/** Whether the list's count is the dashboard's number itself, or at most that number. */
export function drillCountIs(figure: DrillFigure): 'equal' | 'at_most' {
  return figure.startsWith('funnel.') || figure === 'inPeriod.identified' ? 'equal' : 'at_most'
}

const iso = (d: Date) => d.toISOString().slice(0, 10)
function utcDay(year: number, month: number, day: number): Date {
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day) // not Date.UTC: it reads years 0–99 as 1900s
  return d
}

/**
 * The same day `years` earlier, as dashboard-filter.ts writes it: the year changed, month
 * and day kept — so 29 February may name a day that does not exist (`2023-02-29`). Returns
 * the last real day on or before that text and the first real day after it.
 */
function yearsBefore(onDay: string, years: number): { onOrBefore: string; after: string } {
  const year = Number(onDay.slice(0, 4)) - years
  const month = Number(onDay.slice(5, 7))
  const day = Number(onDay.slice(8, 10))
  const text = `${String(year).padStart(4, '0')}${onDay.slice(4)}`
  const real = utcDay(year, month, day) // 29 February of a common year rolls to 1 March
  return iso(real) === text
    ? { onOrBefore: text, after: iso(utcDay(year, month, day + 1)) }
    : { onOrBefore: iso(utcDay(year, month, day - 1)), after: iso(real) }
}

/**
 * The birth dates (inclusive, real days) of an age band on a day: whole years reached on
 * `onDay` (the period's last day). Agrees with dashboard-filter.ts, which compares birth
 * dates as text with the same day `min`/`max` years earlier (`≤` and `>`): a band with no
 * lower age has no `bornTo`, one with no upper age no `bornFrom`. Files without a birth
 * date fall in no band, as on the dashboard (a range never holds a missing date).
 */
export function ageBandBirthRange(
  band: AgeBand,
  onDay: string,
): { bornFrom?: string; bornTo?: string } {
  const [min, max] = AGE_LIMITS[band]
  const range: { bornFrom?: string; bornTo?: string } = {}
  if (max !== null) range.bornFrom = yearsBefore(onDay, max).after
  if (min !== null) range.bornTo = yearsBefore(onDay, min).onOrBefore
  return range
}

/**
 * The artisans list's filter behind one number of the dashboard shown for `filter`. With a
 * trend `bucket` (its from/to), the period narrows to the bucket (clipped to the period);
 * the age band stays reckoned on the period's last day, as the dashboard's trend does, and
 * the funnel, which does not depend on the period, ignores the bucket.
 *
 * Places: the dashboard narrowed to a commune also requires the commune's province on the
 * file; the list requires the commune only. They differ only for a file whose commune lies
 * outside its own province, which the counter and the import refuse (only data from outside
 * could bring one).
 */
export function drillFilter(
  filter: DashboardFilter,
  figure: DrillFigure,
  bucket?: Pick<Period, 'from' | 'to'>,
): ListFilter {
  const period = {
    from: bucket && bucket.from > filter.period.from ? bucket.from : filter.period.from,
    to: bucket && bucket.to < filter.period.to ? bucket.to : filter.period.to,
  }
  if (figure === 'sessions.attendance' || figure === 'sessions.walkIns') {
    const place = filter.communeCode
      ? { communeCode: filter.communeCode }
      : filter.provinceCode
        ? { provinceCode: filter.provinceCode }
        : {}
    return {
      attended: {
        ...period,
        ...place,
        ...(figure === 'sessions.walkIns' ? { walkIn: true as const } : {}),
      },
    }
  }
  const artisans: ListFilter = {}
  if (filter.provinceCode) artisans.provinceCode = filter.provinceCode
  if (filter.communeCode) artisans.communeCode = filter.communeCode
  if (filter.branch) artisans.branch = filter.branch
  if (filter.activity) artisans.activity = filter.activity
  if (filter.actorType) artisans.actorType = filter.actorType
  if (filter.sex) artisans.sex = filter.sex
  if (filter.ageBand) Object.assign(artisans, ageBandBirthRange(filter.ageBand, filter.period.to))
  switch (figure) {
    case 'funnel.identified':
      return artisans
    case 'funnel.registered':
      return { ...artisans, rnaStatus: 'registered' }
    case 'funnel.cnssPreRegistered':
      return { ...artisans, coverIn: ['cnss_pre_registered', 'amo_covered'] }
    case 'funnel.amoCovered':
      return { ...artisans, coverStatus: 'amo_covered' }
    case 'funnel.otherCover':
      return { ...artisans, coverStatus: 'other_cover' }
    case 'funnel.banked':
      return { ...artisans, bankStatus: 'opened' }
    case 'inPeriod.identified':
      return { ...artisans, createdFrom: period.from, createdTo: period.to }
    case 'inPeriod.registered':
      return { ...artisans, step: { step: 'rna_registered', ...period } }
    case 'inPeriod.cnssPreRegistered':
      return { ...artisans, step: { step: 'cnss_pre_registered', ...period } }
    case 'inPeriod.amoCovered':
      return { ...artisans, step: { step: 'amo_covered', ...period } }
    case 'inPeriod.banked':
      return { ...artisans, step: { step: 'bank_opened', ...period } }
    case 'certificates.issued':
      return { ...artisans, certificateIssued: period }
    case 'certificates.cancelled':
      return { ...artisans, certificateCancelled: period }
  }
}
