import { describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { runCli } from '../../electron/cli/run-cli'
import { seedArtisans } from '../../electron/services/seed/generate'
import { setUpDeskPerTest } from '../helpers/desk-per-test'
import { openTestDesk } from '../helpers/temp-desk'

/**
 * Seeded desks are for demos, training and benches: what they show must be a register a
 * chamber could have — its own region, steps that follow the path in order, a funnel
 * that narrows.
 */
let dir: string
let app: SijillApp
setUpDeskPerTest(
  (desk) => ({ app, dir } = desk),
  () => app,
)

interface Row {
  num: number
  region: string
  province: string
  regionOfProvince: string
  createdAt: string
  consentAt: string | null
  birthDate: string
  rnaStatus: string
  nia: string | null
  submittedAt: string | null
  registeredAt: string | null
  coverStatus: string
  coverAt: string | null
  bankStatus: string
  bankAt: string | null
  updatedAt: string
}

const rows = (): Row[] =>
  app.db
    .prepare(
      `SELECT a.num, a.region_code AS region, a.province_code AS province,
              p.region_code AS regionOfProvince, a.created_at AS createdAt, a.consent_at AS consentAt,
              a.birth_date AS birthDate, a.rna_status AS rnaStatus, a.nia,
              a.rna_submitted_at AS submittedAt, a.rna_registered_at AS registeredAt,
              a.cover_status AS coverStatus, a.cover_at AS coverAt,
              a.bank_status AS bankStatus, a.bank_at AS bankAt, a.updated_at AS updatedAt
         FROM artisan a JOIN ref_province p ON p.code = a.province_code ORDER BY a.num`,
    )
    .all() as Row[]

/** A file's path as dated steps, in the path's order (the steps it has taken). */
function steps(r: Row): { step: string; on: string }[] {
  const out = [{ step: 'identified', on: r.createdAt.slice(0, 10) }]
  if (r.submittedAt) out.push({ step: 'rna_submitted', on: r.submittedAt })
  if (r.registeredAt) out.push({ step: 'rna_registered', on: r.registeredAt })
  if (r.coverAt) out.push({ step: r.coverStatus, on: r.coverAt })
  if (r.bankAt) out.push({ step: `bank_${r.bankStatus}`, on: r.bankAt })
  return out
}

describe('seeded data', () => {
  it("places every file in the chamber's own region", () => {
    const { inserted, region } = seedArtisans(app.db, app.actor(), { count: 2000, seed: 4 })
    expect(inserted).toBe(2000)
    expect(region).toBe('09')
    const all = rows()
    expect(all).toHaveLength(2000)
    expect(all.filter((r) => r.region !== '09' || r.regionOfProvince !== '09')).toEqual([])
    // Every province of the region gets files, and each registered file's NIA carries the chamber.
    expect(new Set(all.map((r) => r.province)).size).toBeGreaterThanOrEqual(5)
    expect(all.filter((r) => r.nia && !/^09\d{8}$/.test(r.nia))).toEqual([])
  })

  it('dates the steps of each file in the order of the path, and takes none without the ones before', () => {
    seedArtisans(app.db, app.actor(), { count: 3000, seed: 9 })
    const today = new Date().toISOString().slice(0, 10)
    const wrong: string[] = []
    for (const r of rows()) {
      const s = steps(r)
      s.forEach((step, i) => {
        const before = s[i - 1]
        if (before && before.on > step.on)
          wrong.push(`#${r.num}: ${step.step} ${step.on} before ${before.step} ${before.on}`)
        if (step.on > today) wrong.push(`#${r.num}: ${step.step} in the future (${step.on})`)
      })
      const registered = r.rnaStatus === 'registered'
      if (registered !== Boolean(r.registeredAt && r.nia))
        wrong.push(`#${r.num}: registered without its day or NIA`)
      if ((registered || r.rnaStatus === 'submitted') && !r.submittedAt)
        wrong.push(`#${r.num}: ${r.rnaStatus} without a submission`)
      if (r.rnaStatus === 'identified' && (r.coverStatus !== 'none' || r.consentAt))
        wrong.push(`#${r.num}: only identified, yet covered or consenting`)
      // The CNSS before the RNA is allowed (submitted or waiting files); AMO and a bank are not.
      if (r.coverStatus === 'amo_covered' && !registered)
        wrong.push(`#${r.num}: AMO before the RNA`)
      if (
        r.bankStatus !== 'none' &&
        (!registered || !['amo_covered', 'other_cover'].includes(r.coverStatus))
      )
        wrong.push(`#${r.num}: a bank account before the cover`)
      if ((r.coverStatus === 'none') !== (r.coverAt === null))
        wrong.push(`#${r.num}: cover and its day disagree`)
      if (r.consentAt && r.consentAt !== r.createdAt)
        wrong.push(`#${r.num}: consent not at identification`)
      if (r.updatedAt < r.createdAt) wrong.push(`#${r.num}: changed before it was created`)
      const age = Number(r.createdAt.slice(0, 4)) - Number(r.birthDate.slice(0, 4))
      if (age < 18) wrong.push(`#${r.num}: ${age} years old when identified`)
    }
    expect(wrong.slice(0, 10)).toEqual([])
    // Files were identified over the years, not all on the day of the seeding.
    const years = new Set(rows().map((r) => r.createdAt.slice(0, 4)))
    expect(years.size).toBeGreaterThanOrEqual(3)
  })

  it('gives a funnel that narrows down the path, as the dashboard counts it', async () => {
    seedArtisans(app.db, app.actor(), { count: 3000, seed: 12 })
    const { funnel } = await app.direct().call('reports.dashboard', {
      filter: { period: { from: '2026-01-01', to: '2026-12-31' } },
    })
    expect(funnel.identified).toBe(3000)
    expect(funnel.identified).toBeGreaterThan(funnel.registered)
    expect(funnel.registered).toBeGreaterThan(funnel.cnssPreRegistered)
    expect(funnel.cnssPreRegistered).toBeGreaterThan(funnel.amoCovered)
    expect(funnel.amoCovered).toBeGreaterThan(funnel.banked)
    expect(funnel.banked).toBeGreaterThan(0)
    expect(funnel.otherCover).toBeGreaterThan(0)
    // Roughly the shares the generator documents (seed/path.ts).
    expect(funnel.registered / funnel.identified).toBeCloseTo(0.6, 1)
  })

  it('seeds another region or every region when asked, from the command line', async () => {
    app.close()
    const lines: string[] = []
    const io = { out: (l: string) => lines.push(l), err: () => undefined }
    const cli = (...args: string[]) => runCli(['--data-dir', dir, 'seed', ...args], io)
    expect(await cli('--artisans', '300', '--seed', '2')).toBe(0)
    expect(lines.at(-1)).toMatch(/^300 artisans added in [\d.]+ s \(region 09\)$/)
    expect(await cli('--artisans', '300', '--seed', '3', '--region', '01')).toBe(0)
    expect(await cli('--artisans', '1200', '--seed', '5', '--all-regions')).toBe(0)
    expect(lines.at(-1)).toMatch(/\(every region\)$/)
    expect(await cli('--artisans', '10', '--region', '13')).toBe(2)
    expect(await cli('--artisans', '10', '--region', '01', '--all-regions')).toBe(2)
    app = openTestDesk(dir)
    const regions = app.db
      .prepare('SELECT region_code, count(*) AS n FROM artisan GROUP BY region_code')
      .all() as { region_code: string; n: number }[]
    expect(regions.length).toBeGreaterThanOrEqual(10)
    expect(regions.find((r) => r.region_code === '01')!.n).toBeGreaterThanOrEqual(300)
    // Seeding again never gives an NIA twice.
    const twice = app.db
      .prepare(
        'SELECT count(*) FROM (SELECT nia FROM artisan WHERE nia IS NOT NULL GROUP BY nia HAVING count(*) > 1)',
      )
      .pluck()
      .get()
    expect(twice).toBe(0)
  })
})
