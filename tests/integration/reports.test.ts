import { describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { seedArtisans } from '../../electron/services/seed/generate'
import type { DashboardFilter } from '../../shared/reports/dashboard'
import { setUpDeskPerTest } from '../helpers/desk-per-test'
import { passesFilter, type ArtisanRow } from '../helpers/report-rows'

/**
 * The dashboard's figures (issue 8) against a second, independent count: plain TypeScript
 * over every artisan and event row. Path events are written straight into artisan_event
 * (a spread of steps and days), since only their counting is under test here.
 */
let app: SijillApp
setUpDeskPerTest(
  (d) => (app = d.app),
  () => app,
)

function expected(filter: DashboardFilter) {
  const rows = (app.db.prepare('SELECT * FROM artisan').all() as ArtisanRow[]).filter((a) =>
    passesFilter(a, filter),
  )
  const ids = new Set(rows.map((r) => r.id))
  const inP = (d: string) => d >= filter.period.from && d <= filter.period.to
  const events = (
    app.db.prepare('SELECT artisan_id, step, happened_on FROM artisan_event').all() as {
      artisan_id: string
      step: string
      happened_on: string
    }[]
  ).filter((e) => ids.has(e.artisan_id) && inP(e.happened_on))
  const steps = (s: string) => events.filter((e) => e.step === s).length
  return {
    funnel: {
      identified: rows.length,
      registered: rows.filter((r) => r.rna_status === 'registered').length,
      cnssPreRegistered: rows.filter((r) =>
        ['cnss_pre_registered', 'amo_covered'].includes(r.cover_status),
      ).length,
      amoCovered: rows.filter((r) => r.cover_status === 'amo_covered').length,
      otherCover: rows.filter((r) => r.cover_status === 'other_cover').length,
      banked: rows.filter((r) => r.bank_status === 'opened').length,
    },
    inPeriod: {
      identified: rows.filter((r) => inP(r.created_at.slice(0, 10))).length,
      registered: steps('rna_registered'),
      cnssPreRegistered: steps('cnss_pre_registered'),
      amoCovered: steps('amo_covered'),
      banked: steps('bank_opened'),
    },
  }
}

describe('reports.dashboard', () => {
  it('counts the funnel and the period as a plain count over the rows does, for several filters', async () => {
    seedArtisans(app.db, app.actor(), { count: 600, seed: 8 })
    const artisans = app.db.prepare('SELECT id FROM artisan ORDER BY num').pluck().all() as string[]
    const steps = [
      'rna_registered',
      'cnss_pre_registered',
      'amo_covered',
      'bank_opened',
      'rna_submitted',
    ]
    const insert = app.db.prepare(
      `INSERT INTO artisan_event (id, artisan_id, step, happened_on, recorded_at, actor_id, actor_name)
       VALUES (?, ?, ?, ?, '2026-01-01T00:00:00.000Z', 'x', 'x')`,
    )
    artisans.forEach((id, i) => {
      const day = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`
      insert.run(`e${i}`, id, steps[i % steps.length], day)
      if (i % 3 === 0) insert.run(`f${i}`, id, steps[(i + 1) % steps.length], '2025-03-31')
    })
    app.db.prepare(`UPDATE artisan SET deleted_at = '2026-01-01' WHERE num % 50 = 0`).run()
    app.db
      .prepare(`UPDATE artisan SET created_at = '2025-03-31T23:59:59.000Z' WHERE num % 7 = 0`)
      .run()
    const one = app.db
      .prepare('SELECT province_code, commune_code, main_activity FROM artisan LIMIT 1')
      .get() as ArtisanRow
    const year = { from: '2025-01-01', to: '2025-12-31' }
    const filters: DashboardFilter[] = [
      { period: year },
      { period: year, provinceCode: one.province_code! },
      { period: year, communeCode: one.commune_code! },
      { period: year, activity: one.main_activity! },
      { period: year, branch: one.main_activity!.split('.')[0] },
      { period: year, sex: 'F' },
      { period: year, ageBand: '35-44' },
      { period: year, ageBand: '<25', sex: 'M' },
      { period: { from: '2025-03-01', to: '2025-03-31' } },
      { period: { from: '2025-03-31', to: '2025-03-31' }, actorType: 'artisan' },
    ]
    for (const filter of filters) {
      const got = await app.direct().call('reports.dashboard', { filter })
      const want = expected(filter)
      expect(got.funnel, JSON.stringify(filter)).toEqual(want.funnel)
      expect(got.inPeriod, JSON.stringify(filter)).toEqual(want.inPeriod)
      const sum = (k: keyof typeof want.inPeriod) => got.trend.buckets.reduce((n, b) => n + b[k], 0)
      expect(sum('registered')).toBe(want.inPeriod.registered)
    }
    expect(
      expected({ period: { from: '2025-03-31', to: '2025-03-31' } }).inPeriod.registered,
    ).toBeGreaterThan(0)
  })

  it('keeps the period counts right as files move, change, fold and certificates come and go', async () => {
    seedArtisans(app.db, app.actor(), { count: 300, seed: 5 })
    const ids = app.db.prepare('SELECT id FROM artisan ORDER BY num').pluck().all() as string[]
    const event = app.db.prepare(
      `INSERT INTO artisan_event (id, artisan_id, step, happened_on, recorded_at, actor_id, actor_name)
       VALUES (?, ?, ?, ?, '2026-01-01T00:00:00.000Z', 'x', 'x')`,
    )
    const certificate = app.db.prepare(
      `INSERT INTO document (id, number, copy, type, artisan_id, issued_at, issued_by, issued_by_name, content_json)
       VALUES (?, ?, 0, 'certificate', ?, ?, 'x', 'x', '{}')`,
    )
    ids.forEach((id, i) => {
      event.run(`m${i}`, id, i % 2 ? 'rna_registered' : 'bank_opened', `2025-0${(i % 9) + 1}-15`)
      if (i % 3 === 0)
        certificate.run(`d${i}`, `N${i}`, id, `2025-0${(i % 9) + 1}-20T10:00:00.000Z`)
    })
    const [a, b] = app.db
      .prepare(`SELECT province_code, commune_code FROM artisan GROUP BY province_code LIMIT 2`)
      .all() as { province_code: string; commune_code: string }[]
    // Moved to another province, corrected, deleted, folded into a twin, an event removed,
    // certificates cancelled.
    app.db
      .prepare(`UPDATE artisan SET province_code = ?, commune_code = ? WHERE num % 4 = 0`)
      .run(b!.province_code, b!.commune_code)
    app.db.prepare(`UPDATE artisan SET sex = 'F' WHERE num % 5 = 0`).run()
    app.db.prepare(`UPDATE artisan SET deleted_at = '2026-01-02' WHERE num % 11 = 0`).run()
    app.db
      .prepare('UPDATE artisan_event SET artisan_id = ? WHERE artisan_id = ?')
      .run(ids[1], ids[2])
    app.db.prepare('UPDATE document SET artisan_id = ? WHERE artisan_id = ?').run(ids[1], ids[3])
    app.db.prepare(`DELETE FROM artisan_event WHERE id = 'm7'`).run()
    app.db
      .prepare(
        `UPDATE document SET cancelled_at = '2025-06-01T09:00:00.000Z' WHERE id LIKE 'd%' AND rowid % 2 = 0`,
      )
      .run()

    const period = { from: '2025-01-01', to: '2025-12-31' }
    for (const filter of [
      { period },
      { period, provinceCode: a!.province_code },
      { period, provinceCode: b!.province_code },
      { period: { from: '2025-03-01', to: '2025-06-30' }, sex: 'F' as const },
    ]) {
      const got = await app.direct().call('reports.dashboard', { filter })
      expect(got.inPeriod, JSON.stringify(filter)).toEqual(expected(filter).inPeriod)
      const live = new Set(
        (app.db.prepare('SELECT * FROM artisan').all() as ArtisanRow[])
          .filter(
            (r) =>
              !r.deleted_at &&
              (!filter.provinceCode || r.province_code === filter.provinceCode) &&
              (!('sex' in filter) || r.sex === filter.sex),
          )
          .map((r) => r.id),
      )
      const docs = app.db
        .prepare(
          `SELECT artisan_id, issued_at, cancelled_at FROM document WHERE type = 'certificate'`,
        )
        .all() as { artisan_id: string; issued_at: string; cancelled_at: string | null }[]
      const inP = (t: string | null) =>
        !!t && t.slice(0, 10) >= filter.period.from && t.slice(0, 10) <= filter.period.to
      expect(got.certificates, JSON.stringify(filter)).toEqual({
        issued: docs.filter((d) => live.has(d.artisan_id) && inP(d.issued_at)).length,
        cancelled: docs.filter((d) => live.has(d.artisan_id) && inP(d.cancelled_at)).length,
      })
      expect(got.certificates.issued + got.inPeriod.registered).toBeGreaterThan(0)
    }
  })

  it('lists empty trend buckets: ISO weeks up to 92 days, months beyond', async () => {
    const weeks = await app.direct().call('reports.dashboard', {
      filter: { period: { from: '2026-10-01', to: '2026-10-31' } },
    })
    expect(weeks.trend.unit).toBe('week')
    expect(weeks.trend.buckets.map((b) => b.label)).toEqual([
      '2026-W40',
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
    ])
    expect(weeks.trend.buckets[0]).toMatchObject({
      from: '2026-10-01',
      to: '2026-10-04',
      registered: 0,
    })
    const months = await app.direct().call('reports.dashboard', {
      filter: { period: { from: '2025-11-15', to: '2026-02-10' } },
    })
    expect(months.trend.unit).toBe('week')
    const long = await app.direct().call('reports.dashboard', {
      filter: { period: { from: '2025-11-15', to: '2026-03-10' } },
    })
    expect(long.trend.unit).toBe('month')
    expect(long.trend.buckets.map((b) => b.label)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ])
  })

  it('refuses an unknown province with a field error', async () => {
    await expect(
      app.direct().call('reports.dashboard', {
        filter: { period: { from: '2026-01-01', to: '2026-01-31' }, provinceCode: 'ZZ.99' },
      }),
    ).rejects.toMatchObject({
      data: {
        code: 'validation',
        fields: [{ path: 'filter.provinceCode', key: 'validation.territory' }],
      },
    })
  })
})
