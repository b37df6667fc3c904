import type { SijillApp } from '../../electron/services/app'
import type { DashboardFilter } from '../../shared/reports/dashboard'
import { AGE_BANDS } from '../../shared/reports/dashboard'
import { percentile, type Figure } from './figures'

/**
 * The home dashboard on the bench register (issue 8: every dashboard view ≤ 300 ms at
 * 1,000,000 artisans): p95 of `reports.dashboard` over 40 varied filters — none, a
 * province, a commune, a branch, an activity, sex, age band, actor type, and periods from
 * a few weeks to several years.
 */
export async function reportFigures(app: SijillApp): Promise<Figure[]> {
  const api = app.direct()
  const column = (text: string) => app.db.prepare(text).pluck().all() as string[]
  const provinces = column(`SELECT code FROM ref_province ORDER BY code LIMIT 10`)
  const communes = column(
    `SELECT commune_code FROM artisan WHERE commune_code IS NOT NULL
      GROUP BY commune_code ORDER BY count(*) DESC LIMIT 10`,
  )
  const activities = column(`SELECT code FROM ref_activity ORDER BY code LIMIT 10`)
  const branches = column(`SELECT DISTINCT branch_code FROM ref_activity ORDER BY 1 LIMIT 10`)
  const year = new Date().getUTCFullYear()
  const periods = [
    { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
    { from: `${year - 1}-10-01`, to: `${year - 1}-10-31` },
    { from: `${year - 4}-01-01`, to: `${year}-12-31` },
    { from: `${year}-01-01`, to: `${year}-03-31` },
  ]
  const times: number[] = []
  for (let i = 0; i < 40; i++) {
    const filter: DashboardFilter = { period: periods[i % periods.length]! }
    const kind = i % 8
    if (kind === 1) filter.provinceCode = provinces[i % provinces.length]
    if (kind === 2) filter.communeCode = communes[i % communes.length]
    if (kind === 3) filter.branch = branches[i % branches.length]
    if (kind === 4) filter.activity = activities[i % activities.length]
    if (kind === 5) {
      filter.sex = 'F'
      filter.ageBand = AGE_BANDS[i % AGE_BANDS.length]
    }
    if (kind === 6) {
      filter.provinceCode = provinces[i % provinces.length]
      filter.actorType = 'master_artisan'
      filter.sex = 'M'
    }
    if (kind === 7) filter.ageBand = AGE_BANDS[i % AGE_BANDS.length]
    const t = process.hrtime.bigint()
    await api.call('reports.dashboard', { filter })
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  return [
    {
      name: 'dashboard figures p95 (40 filters)',
      value: percentile(times, 95),
      unit: 'ms',
      budget: 300,
      lowerIsBetter: true,
    },
  ]
}
