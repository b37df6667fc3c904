import type { Dashboard, DashboardFilter, TrendBucket } from '@shared/reports/dashboard'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { artisanWhere, checkFilterCodes } from './dashboard-filter'
import { bucketOf, trendBuckets } from './trend-buckets'

/**
 * The home dashboard's figures (issue 8), one statement per group: the funnel (today's
 * statuses), files created and path events in the period per day (folded here into the
 * trend's buckets, whose sums are the in-period figures), certificates, sessions. The
 * statement text depends only on which filter parts are used, so plans are cached.
 */
const STEPS = {
  rna_registered: 'registered',
  cnss_pre_registered: 'cnssPreRegistered',
  amo_covered: 'amoCovered',
  bank_opened: 'banked',
} as const
type Step = keyof typeof STEPS
type Counted = 'identified' | (typeof STEPS)[Step]

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 864e5).toISOString().slice(0, 10)

export function dashboard(db: Db, filter: DashboardFilter): Dashboard {
  const communeProvince = checkFilterCodes(db, filter)
  const { where, params } = artisanWhere(filter, communeProvince)
  // A commune or an activity is narrow and has its own index; otherwise the planner would
  // walk a wide index (birth date, branch, province) and read the table row by row, so the
  // narrow covering index is named (seconds → tenths at 10^6).
  // An age band alone is a range of birth dates, entered by its own narrow index.
  const from =
    filter.communeCode || filter.activity
      ? 'artisan a'
      : filter.ageBand && !filter.provinceCode
        ? 'artisan a INDEXED BY artisan_birth_report'
        : 'artisan a INDEXED BY artisan_report'
  const period = {
    from: filter.period.from,
    to: filter.period.to,
    toNext: nextDay(filter.period.to),
  }

  const funnel = cachedFunnel(
    db,
    filter,
    () =>
      sql(
        db,
        `SELECT count(*) AS identified,
            count(*) FILTER (WHERE a.rna_status = 'registered') AS registered,
            count(*) FILTER (WHERE a.cover_status IN ('cnss_pre_registered', 'amo_covered')) AS cnssPreRegistered,
            count(*) FILTER (WHERE a.cover_status = 'amo_covered') AS amoCovered,
            count(*) FILTER (WHERE a.cover_status = 'other_cover') AS otherCover,
            count(*) FILTER (WHERE a.bank_status = 'opened') AS banked
       FROM ${from} WHERE ${where}`,
      ).get(params) as Dashboard['funnel'],
  )

  const { unit, buckets } = trendBuckets(filter.period)
  const trend: TrendBucket[] = buckets.map((b) => ({
    ...b,
    identified: 0,
    registered: 0,
    cnssPreRegistered: 0,
    amoCovered: 0,
    banked: 0,
  }))
  const add = (day: string, key: Counted, n: number) => {
    const i = bucketOf(buckets, day)
    if (i >= 0) trend[i]![key] += n
  }
  // Files created in the period: entered by day, the period's rows only, unless a
  // commune or an activity narrows the register more.
  const fromCreated =
    filter.communeCode || filter.activity ? 'artisan a' : 'artisan a INDEXED BY artisan_created'
  const created = sql(
    db,
    `SELECT substr(a.created_at, 1, 10) AS day, count(*) AS n FROM ${fromCreated}
      WHERE ${where} AND a.created_at >= @from AND a.created_at < @toNext
      GROUP BY day`,
  ).all({ ...params, from: period.from, toNext: period.toNext }) as { day: string; n: number }[]
  for (const r of created) add(r.day, 'identified', r.n)
  // Path steps and certificates are read from their facts (migration 019), which carry the
  // file's filter columns: one range of a covering index, no lookup per event.
  const events = sql(
    db,
    `SELECT a.kind AS step, a.day AS day, count(*) AS n
       FROM report_fact a INDEXED BY report_fact_day
      WHERE a.kind IN ('rna_registered', 'cnss_pre_registered', 'amo_covered', 'bank_opened')
        AND a.day >= @from AND a.day <= @to AND ${where}
      GROUP BY a.kind, a.day`,
  ).all({ ...params, from: period.from, to: period.to }) as { step: Step; day: string; n: number }[]
  for (const r of events) add(r.day, STEPS[r.step], r.n)

  const inPeriod = { identified: 0, registered: 0, cnssPreRegistered: 0, amoCovered: 0, banked: 0 }
  for (const b of trend) for (const k of Object.keys(inPeriod) as Counted[]) inPeriod[k] += b[k]

  const certificates = sql(
    db,
    `SELECT count(*) FILTER (WHERE a.kind = 'certificate_issued') AS issued,
            count(*) FILTER (WHERE a.kind = 'certificate_cancelled') AS cancelled
       FROM report_fact a INDEXED BY report_fact_day
      WHERE a.kind IN ('certificate_issued', 'certificate_cancelled')
        AND a.day >= @from AND a.day <= @to AND ${where}`,
  ).get({ ...params, from: period.from, to: period.to }) as Dashboard['certificates']

  return {
    funnel,
    inPeriod,
    certificates,
    sessions: sessionFigures(db, filter, communeProvince, period),
    trend: { unit, buckets: trend },
  }
}

/** Sessions held that started in the period, placed in the filter's commune or province. */
function sessionFigures(
  db: Db,
  filter: DashboardFilter,
  communeProvince: string | null,
  period: { from: string; toNext: string },
): Dashboard['sessions'] {
  const params: Record<string, string> = { from: period.from, toNext: period.toNext }
  let place = ''
  if (filter.communeCode) {
    place = 'AND s.commune_code = @commune'
    params.commune = filter.communeCode
  } else if (filter.provinceCode ?? communeProvince) {
    place = 'AND s.province_code = @province'
    params.province = (filter.provinceCode ?? communeProvince)!
  }
  return sql(
    db,
    `SELECT count(DISTINCT s.id) AS held, count(t.artisan_id) AS attendance,
            count(t.artisan_id) FILTER (WHERE t.walk_in = 1) AS walkIns
       FROM session s LEFT JOIN session_attendance t ON t.session_id = s.id
      WHERE s.status = 'held' AND s.starts_at >= @from AND s.starts_at < @toNext ${place}`,
  ).get(params) as Dashboard['sessions']
}

/**
 * The funnel is today's statuses: it does not change with the period (only the age band
 * reads the period's last day). Changing the period — the dashboard's most common move —
 * reuses it while nothing was written to the database since (this connection's changes
 * and PRAGMA data_version's for other connections, such as the import worker).
 */
const funnels = new WeakMap<Db, Map<string, Dashboard['funnel']>>()

function cachedFunnel(
  db: Db,
  filter: DashboardFilter,
  count: () => Dashboard['funnel'],
): Dashboard['funnel'] {
  const { period, ...rest } = filter
  const state = sql(db, 'SELECT total_changes()').pluck().get() as number
  const version = db.pragma('data_version', { simple: true }) as number
  const key = JSON.stringify([rest, filter.ageBand ? period.to : null, state, version])
  let cache = funnels.get(db)
  if (!cache) funnels.set(db, (cache = new Map()))
  const hit = cache.get(key)
  if (hit) return { ...hit }
  const funnel = count()
  if (cache.size >= 64) cache.clear()
  cache.set(key, funnel)
  return { ...funnel }
}
