import type { SijillApp } from '../../electron/services/app'
import { countArtisans, listArtisans } from '../../electron/services/artisans/list'
import { ListFilterSchema } from '../../shared/artisans/list'
import type { DashboardFilter } from '../../shared/reports/dashboard'
import { AGE_BANDS } from '../../shared/reports/dashboard'
import { drillFilter, type DrillFigure } from '../../shared/reports/drill'
import { percentile, type Figure } from './figures'

/**
 * Issue 8 on the bench register: the dashboard, the drill-down and the report to the
 * ministry, measured while the register holds path events, certificates and sessions
 * (derived for the measure, then removed: see deriveDrillRows).
 */
export async function reportFigures(app: SijillApp): Promise<Figure[]> {
  const db = app.db
  const log = (m: string) => process.stderr.write(`${m}\n`)
  const year = new Date().getUTCFullYear() - 1
  const started = Date.now()
  removeDrillRows(db) // left by a run that was stopped half-way
  try {
    deriveDrillRows(db, year)
    log(
      `  reports: path events, certificates and sessions derived in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    )
    return [await dashboardFigure(app), ...drillFigures(app, year), await reportFigure(app, year)]
  } finally {
    removeDrillRows(db)
    log(`  reports: done in ${((Date.now() - started) / 1000).toFixed(0)} s, derived rows removed`)
  }
}

/**
 * The home dashboard (every view ≤ 300 ms at 1,000,000 artisans): p95 of
 * `reports.dashboard` over 40 varied filters — none, a province, a commune, a branch, an
 * activity, sex, age band, actor type, and periods from a few weeks to several years.
 */
async function dashboardFigure(app: SijillApp): Promise<Figure> {
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
  return {
    name: 'dashboard figures p95 (40 filters)',
    value: percentile(times, 95),
    unit: 'ms',
    budget: 300,
    lowerIsBetter: true,
  }
}

/**
 * The whole chamber's quarterly report as a PDF (the largest: two periods, three months,
 * every province of the region): no budget in the design; printed for the record.
 */
async function reportFigure(app: SijillApp, year: number): Promise<Figure> {
  const t = process.hrtime.bigint()
  await app.direct().call('reports.document', { period: `${year}-Q4`, lang: 'ar', format: 'pdf' })
  return {
    name: 'quarterly report PDF, whole chamber',
    value: Number(process.hrtime.bigint() - t) / 1e6,
    unit: 'ms',
    budget: null,
    lowerIsBetter: true,
  }
}

/**
 * Drill-down (issue 8): from a dashboard number to the artisans behind it — the list's
 * first page (100) and its count under `drillFilter`, for 12 numbers (funnel, period
 * steps, a trend week, certificates, attendance, with and without a place, craft, sex or
 * age band), against the list's budget. The seeded register has no path events,
 * certificates or sessions, so they are derived from the files' own dates — every status
 * with its event (about 2 million, written in the order they happened, as a desk appends
 * them), a certificate for a third of the registered, a thousand sessions held with
 * check-ins — committed and checkpointed (read from a savepoint, the same rows read
 * several times slower), measured, then removed by their `bench-drill-` ids, so the cached
 * register stays as seeded (about 2 minutes in all).
 */
const DRILL_ROWS = `id >= 'bench-drill-' AND id < 'bench-drill.'`

function removeDrillRows(db: SijillApp['db']): void {
  db.transaction(() =>
    db.exec(`
      DELETE FROM session_attendance
        WHERE session_id >= 'bench-drill-' AND session_id < 'bench-drill.';
      DELETE FROM session WHERE ${DRILL_ROWS};
      DELETE FROM document WHERE ${DRILL_ROWS};
      DELETE FROM artisan_event WHERE ${DRILL_ROWS};
    `),
  )()
  db.exec(
    'ANALYZE artisan_event; ANALYZE document; ANALYZE report_fact; ANALYZE session; ANALYZE session_attendance',
  )
  db.pragma('wal_checkpoint(TRUNCATE)')
}

function deriveDrillRows(db: SijillApp['db'], year: number): void {
  const step = (prefix: string, name: string, day: string, where: string) => `
    INSERT INTO artisan_event (id, artisan_id, step, happened_on, recorded_at, actor_id, actor_name)
      SELECT 'bench-drill-${prefix}' || num, id, '${name}', ${day}, ${day} || 'T12:00:00.000Z', 'bench', 'bench'
        FROM artisan WHERE ${where} ORDER BY ${day}, num;`
  db.transaction(() =>
    db.exec(`
      ${step('r', 'rna_registered', 'rna_registered_at', 'rna_registered_at IS NOT NULL')}
      ${step('c', 'cnss_pre_registered', 'cover_at', `cover_status IN ('cnss_pre_registered', 'amo_covered')`)}
      ${step('a', 'amo_covered', 'cover_at', `cover_status = 'amo_covered'`)}
      ${step('b', 'bank_opened', 'bank_at', `bank_status = 'opened'`)}
      INSERT INTO document (id, number, copy, type, artisan_id, issued_at, issued_by, issued_by_name, content_json)
        SELECT 'bench-drill-d' || num, 'BENCH-' || num, 0, 'certificate', id,
               rna_registered_at || 'T10:00:00.000Z', 'bench', 'bench', '{}'
          FROM artisan WHERE rna_registered_at IS NOT NULL AND num % 3 = 0
         ORDER BY rna_registered_at, num;
      INSERT INTO session (id, kind, title, starts_at, ends_at, province_code, commune_code, status,
                           created_at, created_by, updated_at)
        SELECT 'bench-drill-s' || num, 'chamber', 'bench',
               coalesce(rna_registered_at, '${year}-06-01') || 'T09:00:00.000Z',
               coalesce(rna_registered_at, '${year}-06-01') || 'T12:00:00.000Z',
               province_code, commune_code, 'held', created_at, 'bench', created_at
          FROM artisan WHERE num % 997 = 0;
      INSERT OR IGNORE INTO session_attendance (session_id, artisan_id, checked_in_at, walk_in)
        SELECT s.id, a.id, s.starts_at, a.num % 5 = 0
          FROM session s CROSS JOIN artisan a -- sessions first, their communes' files by index
            ON a.commune_code = s.commune_code AND a.num % 40 = 7
         WHERE s.id >= 'bench-drill-' AND s.id < 'bench-drill.';
    `),
  )()
  // As PRAGMA optimize would after such growth; then the rows are read from the file.
  db.exec(
    'ANALYZE artisan_event; ANALYZE document; ANALYZE report_fact; ANALYZE session; ANALYZE session_attendance',
  )
  db.pragma('wal_checkpoint(TRUNCATE)')
}

function drillFigures(app: SijillApp, year: number): Figure[] {
  const db = app.db
  const log = (m: string) => process.stderr.write(`${m}\n`)
  const column = (text: string) => db.prepare(text).pluck().all() as string[]
  const [province] = column(`SELECT code FROM ref_province ORDER BY code LIMIT 1`)
  const [commune] = column(
    `SELECT commune_code FROM artisan WHERE commune_code IS NOT NULL
      GROUP BY commune_code ORDER BY count(*) DESC LIMIT 1`,
  )
  const [branch] = column(`SELECT DISTINCT branch_code FROM ref_activity ORDER BY 1 LIMIT 1`)
  const Y = { from: `${year}-01-01`, to: `${year}-12-31` }
  const M = { from: `${year}-10-01`, to: `${year}-10-31` }
  const Q = { from: `${year}-07-01`, to: `${year}-09-30` }
  const numbers: [DashboardFilter, DrillFigure, { from: string; to: string }?][] = [
    [{ period: Y }, 'funnel.identified'],
    [{ period: Y, provinceCode: province }, 'funnel.registered'],
    [{ period: Y, sex: 'F' }, 'funnel.cnssPreRegistered'],
    [{ period: Y, ageBand: '35-44' }, 'funnel.amoCovered'],
    [{ period: Y, branch }, 'funnel.banked'],
    [{ period: Y }, 'inPeriod.identified'],
    [{ period: Y }, 'inPeriod.registered'],
    [{ period: M, provinceCode: province }, 'inPeriod.banked'],
    [
      { period: Q, sex: 'M' },
      'inPeriod.cnssPreRegistered',
      { from: `${year}-07-07`, to: `${year}-07-13` },
    ],
    [{ period: Y }, 'certificates.issued'],
    [{ period: Y }, 'sessions.attendance'],
    [{ period: Y, communeCode: commune }, 'inPeriod.amoCovered'],
  ]
  const both: number[] = []
  const pages: number[] = []
  for (let round = 0; round < 3; round++)
    for (const [filter, figure, bucket] of numbers) {
      const drill = ListFilterSchema.parse(drillFilter(filter, figure, bucket))
      let t = process.hrtime.bigint()
      listArtisans(db, { filter: drill, limit: 100 })
      const page = Number(process.hrtime.bigint() - t) / 1e6
      t = process.hrtime.bigint()
      countArtisans(db, drill)
      const count = Number(process.hrtime.bigint() - t) / 1e6
      pages.push(page)
      both.push(page + count)
      if (round === 2 && page + count > 100)
        log(
          `  drill-down over 100 ms: ${figure} ${JSON.stringify(drill)}: page ${page.toFixed(0)} ms, count ${count.toFixed(0)} ms`,
        )
    }
  return [
    {
      name: `drill-down: first page + count p95 (${numbers.length} numbers)`,
      value: percentile(both, 95),
      unit: 'ms',
      budget: 100,
      lowerIsBetter: true,
    },
    {
      name: `drill-down: first page p95 (${numbers.length} numbers)`,
      value: percentile(pages, 95),
      unit: 'ms',
      budget: 100,
      lowerIsBetter: true,
    },
  ]
}
