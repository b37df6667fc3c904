import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { Dashboard, DashboardFilter } from '@shared/reports/dashboard'
import { reportPeriods } from '@shared/reports/report'
import type { SijillApp } from '../../electron/services/app'
import { runCli } from '../../electron/cli/run-cli'
import { reportData } from '../../electron/services/reports/report-data'
import { seedArtisans } from '../../electron/services/seed/generate'
import { readXlsx } from '../../electron/services/spreadsheet/xlsx-read'
import { translateError } from '../../electron/services/startup-error'
import { setUpDeskPerTest } from '../helpers/desk-per-test'
import { openTestDesk } from '../helpers/temp-desk'

/**
 * The monthly and quarterly report to the ministry (issue 8): its periods, its figures
 * against the dashboard's own for the period and the one before, the PDF read back with
 * pdftotext in French and Arabic, the workbook read back sheet by sheet, and the command
 * line. The register is generated, then placed in the chamber's region (Souss-Massa, 09)
 * with a few files elsewhere; path events, certificates and sessions are written straight
 * into their tables on chosen days of 2025, since only their counting is under test.
 */
let dir: string
let app: SijillApp
setUpDeskPerTest(
  (desk) => ({ app, dir } = desk),
  () => app,
)

const api = () => app.direct()
/** A label as the documents print it (the key itself while a translation is missing). */
const tr = (lang: 'fr' | 'ar', key: string, params: Record<string, string | number> = {}) =>
  translateError(lang, `ministryReport.${key}`, params)
const stripMarks = (s: string) => s.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')

/** A small deterministic register with activity in the months of 2025 the tests report on. */
function fill(): void {
  seedArtisans(app.db, app.actor(), { count: 240, seed: 26 })
  const communes = app.db
    .prepare(
      `SELECT code, province_code AS province FROM ref_commune
        WHERE province_code LIKE '09.%' ORDER BY code`,
    )
    .all() as { code: string; province: string }[]
  const ids = app.db.prepare('SELECT id FROM artisan ORDER BY num').pluck().all() as string[]
  const place = app.db.prepare(
    `UPDATE artisan SET region_code = ?, province_code = ?, commune_code = ?, created_at = ?
      WHERE id = ?`,
  )
  const event = app.db.prepare(
    `INSERT INTO artisan_event (id, artisan_id, step, happened_on, recorded_at, actor_id, actor_name)
     VALUES (?, ?, ?, ?, '2025-12-31T00:00:00.000Z', 'x', 'x')`,
  )
  const certificate = app.db.prepare(
    `INSERT INTO document (id, number, copy, type, artisan_id, issued_at, issued_by, issued_by_name,
       content_json, cancelled_at)
     VALUES (?, ?, 0, 'certificate', ?, ?, 'x', 'x', '{}', ?)`,
  )
  const steps = ['rna_registered', 'cnss_pre_registered', 'amo_covered', 'bank_opened']
  const day = (i: number, month: number) =>
    `2025-${String(month).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`
  ids.forEach((id, i) => {
    const month = 8 + (i % 5) // August to December
    const c = communes[(i * 7) % communes.length]!
    if (i % 12 === 5) place.run('04', '04.01', null, `${day(i, month)}T10:00:00.000Z`, id)
    else place.run('09', c.province, c.code, `${day(i, month)}T10:00:00.000Z`, id)
    event.run(`a${i}`, id, steps[i % 4], day(i * 3, 9 + (i % 3)))
    if (i % 3 === 0) event.run(`b${i}`, id, steps[(i + 1) % 4], day(i, 10))
    if (i % 4 === 0)
      certificate.run(
        `d${i}`,
        `C-${i}`,
        id,
        `${day(i, 9 + (i % 2))}T09:00:00.000Z`,
        i % 20 === 0 ? `${day(i, 10)}T11:00:00.000Z` : null,
      )
  })
  const session = app.db.prepare(
    `INSERT INTO session (id, kind, title, starts_at, ends_at, province_code, status, created_at,
       created_by, updated_at)
     VALUES (?, 'chamber', 'Séance', ?, ?, ?, 'held', '2025-01-01', 'x', '2025-01-01')`,
  )
  const attend = app.db.prepare(
    `INSERT INTO session_attendance (session_id, artisan_id, checked_in_at, walk_in)
     VALUES (?, ?, ?, ?)`,
  )
  for (let k = 0; k < 7; k++) {
    const on = k < 3 ? `2025-09-1${k}` : `2025-10-0${k}`
    session.run(`s${k}`, `${on}T09:00:00.000Z`, `${on}T12:00:00.000Z`, `09.0${(k % 6) + 1}`)
    for (let j = 0; j < 5 + k; j++)
      attend.run(
        `s${k}`,
        ids[(k * 31 + j) % ids.length],
        `${on}T09:10:00.000Z`,
        j % 3 === 0 ? 1 : 0,
      )
  }
}

const dashboard = (filter: DashboardFilter): Promise<Dashboard> =>
  api().call('reports.dashboard', { filter })

/** The PDF on disk, its text as pdftotext reads it (embedding marks removed), its pages, its words' boxes. */
function readPdf(file: { fileName: string; base64: string }) {
  const path = join(dir, file.fileName)
  writeFileSync(path, Buffer.from(file.base64, 'base64'))
  if (process.env.KEEP_PDF)
    writeFileSync(join(process.env.KEEP_PDF, file.fileName), readFileSync(path))
  const text = stripMarks(execFileSync('pdftotext', ['-raw', path, '-']).toString('utf8'))
  const info = execFileSync('pdfinfo', [path]).toString('utf8')
  const boxes = execFileSync('pdftotext', ['-bbox', path, '-']).toString('utf8')
  const words = [
    ...boxes.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g),
  ].map((m) => m.slice(1).map(Number) as [number, number, number, number])
  return {
    text,
    lines: text.split('\n').map((l) => l.trim()),
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    words,
  }
}

const fr = new Intl.NumberFormat('fr-MA', { maximumFractionDigits: 0 })
const signedFr = new Intl.NumberFormat('fr-MA', { signDisplay: 'exceptZero' })

/** One sheet of a workbook: the sheets before it hidden, so that the reader opens it. */
function sheet(bytes: Uint8Array, index: number): string[][] {
  const parts = unzipSync(bytes)
  let n = 0
  parts['xl/workbook.xml'] = strToU8(
    strFromU8(parts['xl/workbook.xml']!).replace(/<sheet /g, (tag) =>
      n++ < index ? '<sheet state="hidden" ' : tag,
    ),
  )
  return readXlsx(zipSync(parts))
}

describe('report periods', () => {
  it('reads a month or a quarter and names the one before, across a year end', () => {
    expect(reportPeriods('2026-10')).toMatchObject({
      kind: 'month',
      label: '2026-10',
      current: { from: '2026-10-01', to: '2026-10-31' },
      previous: { from: '2026-09-01', to: '2026-09-30' },
      previousLabel: '2026-09',
    })
    expect(reportPeriods('2024-03').previous).toEqual({ from: '2024-02-01', to: '2024-02-29' })
    expect(reportPeriods('2026-01').previousLabel).toBe('2025-12')
    const q = reportPeriods(' 2026-q1 ')
    expect(q).toMatchObject({
      kind: 'quarter',
      label: '2026-Q1',
      current: { from: '2026-01-01', to: '2026-03-31' },
      previous: { from: '2025-10-01', to: '2025-12-31' },
      previousLabel: '2025-Q4',
    })
    expect(q.months.map((m) => m.to)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31'])
    expect(reportPeriods('٢٠٢٥-١١').current.from).toBe('2025-11-01')
  })

  it('refuses text that is no month or quarter, a period not begun, and a province outside the region', async () => {
    const refused = async (input: Record<string, unknown>) => {
      const error = await api()
        .call('reports.document', { lang: 'fr', format: 'xlsx', ...input } as never)
        .then(
          () => null,
          (e: { data: { fields?: { path: string; key: string }[] } }) => e.data.fields,
        )
      return error
    }
    for (const period of ['2026-13', '2026-Q5', 'octobre 2026', '2026/10', ''])
      expect(await refused({ period }), period).toEqual([
        { path: 'period', key: 'validation.report_period' },
      ])
    const nextYear = new Date().getUTCFullYear() + 1
    expect(await refused({ period: `${nextYear}-01` })).toEqual([
      { path: 'period', key: 'validation.report_period_future' },
    ])
    expect(await refused({ period: `${nextYear}-Q1` })).toEqual([
      { path: 'period', key: 'validation.report_period_future' },
    ])
    expect(await refused({ period: '2019-12' })).toEqual([
      { path: 'period', key: 'validation.date_too_old' },
    ])
    expect(await refused({ period: '2025-10', provinceCode: '04.01' })).toEqual([
      { path: 'provinceCode', key: 'validation.report_province' },
    ])
    expect(await refused({ period: '2025-10', provinceCode: 'ZZ.99' })).toEqual([
      { path: 'provinceCode', key: 'validation.report_province' },
    ])
    // The month under way is allowed, reported up to today.
    const now = new Date().toISOString().slice(0, 7)
    const current = await api().call('reports.document', {
      period: now,
      lang: 'ar',
      format: 'xlsx',
    })
    expect(current.fileName).toBe(`sijill-report-${now}-ar.xlsx`)
  })
})

describe('report figures', () => {
  it('sets the period beside the one before exactly as the dashboard counts them', async () => {
    fill()
    const d = reportData(app.db, { period: '2025-10', lang: 'fr', format: 'pdf' }, '2026-01-15')
    const oct = await dashboard({ period: { from: '2025-10-01', to: '2025-10-31' } })
    const sep = await dashboard({ period: { from: '2025-09-01', to: '2025-09-30' } })
    expect(d.current).toEqual(oct)
    expect(d.previous).toEqual(sep)
    for (const r of d.inPeriod) {
      expect(r.current, r.key).toBe(oct.inPeriod[r.key])
      expect(r.previous, r.key).toBe(sep.inPeriod[r.key])
      expect(r.delta).toBe(r.current - r.previous)
      expect(r.ratio).toBe(r.previous ? (r.current - r.previous) / r.previous : null)
    }
    expect(d.certificates.map((r) => [r.current, r.previous])).toEqual([
      [oct.certificates.issued, sep.certificates.issued],
      [oct.certificates.cancelled, sep.certificates.cancelled],
    ])
    expect(d.sessions.find((r) => r.key === 'held')).toMatchObject({ current: 4, previous: 3 })
    expect(oct.inPeriod.registered).toBeGreaterThan(0)
    expect(sep.certificates.cancelled).toBe(0)
    expect(d.certificates.find((r) => r.key === 'cancelled')?.ratio).toBeNull()

    // Rates: each step over the step before it; nothing to divide by gives no rate.
    const rate = (step: string) => d.funnel.find((r) => r.step === step)?.rate
    expect(rate('identified')).toBeNull()
    expect(rate('registered')).toBeCloseTo(oct.funnel.registered / oct.funnel.identified, 10)
    expect(rate('amoCovered')).toBeCloseTo(oct.funnel.amoCovered / oct.funnel.cnssPreRegistered, 10)
    expect(rate('banked')).toBeCloseTo(oct.funnel.banked / oct.funnel.identified, 10)

    // The region's six provinces, then the files placed elsewhere: together, the chamber.
    expect(d.provinces?.map((p) => p.place?.code ?? null)).toEqual([
      '09.01',
      '09.02',
      '09.03',
      '09.04',
      '09.05',
      '09.06',
      null,
    ])
    const sum = (k: 'identified' | 'registered') =>
      d.provinces!.reduce((n, p) => n + p.funnel[k], 0)
    expect(sum('identified')).toBe(oct.funnel.identified)
    expect(sum('registered')).toBe(oct.funnel.registered)
    expect(d.provinces!.at(-1)!.funnel.identified).toBe(20)
    const tiznit = await dashboard({
      period: { from: '2025-10-01', to: '2025-10-31' },
      provinceCode: '09.06',
    })
    expect(d.provinces!.find((p) => p.place?.code === '09.06')?.inPeriod).toEqual(tiznit.inPeriod)
    expect(d.inProgress).toBe(false)
    expect(
      reportData(app.db, { period: '2025-10', lang: 'fr', format: 'pdf' }, '2025-10-20').inProgress,
    ).toBe(true)
  })

  it('follows a quarter month by month, and a province alone without the provinces table', async () => {
    fill()
    const d = reportData(
      app.db,
      { period: '2025-Q4', lang: 'ar', format: 'xlsx', provinceCode: '09.04' },
      '2026-01-15',
    )
    const months = [
      ['2025-10-01', '2025-10-31'],
      ['2025-11-01', '2025-11-30'],
      ['2025-12-01', '2025-12-31'],
    ]
    expect(d.trend.unit).toBe('month')
    expect(d.trend.buckets.map((b) => b.label)).toEqual(['2025-10', '2025-11', '2025-12'])
    for (const [i, [from, to]] of months.entries()) {
      const m = await dashboard({ period: { from: from!, to: to! }, provinceCode: '09.04' })
      expect(d.trend.buckets[i]).toMatchObject(m.inPeriod)
    }
    const q3 = await dashboard({
      period: { from: '2025-07-01', to: '2025-09-30' },
      provinceCode: '09.04',
    })
    expect(d.previous.inPeriod).toEqual(q3.inPeriod)
    expect(d.inPeriod.find((r) => r.key === 'identified')?.current).toBe(
      d.trend.buckets.reduce((n, b) => n + b.identified, 0),
    )
    expect(d.province?.code).toBe('09.04')
    expect(d.provinces).toBeNull()
  })
})

describe('the report as PDF and XLSX', () => {
  it('prints the French PDF with the period, the one before and the change, on whole pages', async () => {
    fill()
    const oct = await dashboard({ period: { from: '2025-10-01', to: '2025-10-31' } })
    const sep = await dashboard({ period: { from: '2025-09-01', to: '2025-09-30' } })
    const file = await api().call('reports.document', {
      period: '2025-10',
      lang: 'fr',
      format: 'pdf',
    })
    expect(file.fileName).toBe('sijill-report-2025-10-fr.pdf')
    const pdf = readPdf(file)
    expect(pdf.text).toContain(tr('fr', 'titleMonth', { period: 'octobre 2025' }))
    // Each row of the activity table: this period, the one before, the change.
    for (const k of [
      'identified',
      'registered',
      'cnssPreRegistered',
      'amoCovered',
      'banked',
    ] as const) {
      const row = `${tr('fr', `in.${k}`)} ${fr.format(oct.inPeriod[k])} ${fr.format(sep.inPeriod[k])} ${signedFr.format(oct.inPeriod[k] - sep.inPeriod[k])}`
      expect(
        pdf.lines.some((l) => l.startsWith(row)),
        row,
      ).toBe(true)
    }
    const held = `${tr('fr', 'ses.held')} 4 3 +1 +33,3 %`
    expect(pdf.lines, held).toContain(held)
    // The funnel table: the count and its rate over the step before.
    const registeredRate = new Intl.NumberFormat('fr-MA', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    })
      .format(oct.funnel.registered / oct.funnel.identified)
      .replace(/\u00a0/g, ' ')
    expect(pdf.text.replace(/\u00a0/g, ' ')).toContain(
      `${tr('fr', 'step.registered')} ${fr.format(oct.funnel.registered)} ${registeredRate}`,
    )
    expect(pdf.text).toContain('Tiznit')
    expect(pdf.text).toContain(tr('fr', 'week', { week: 40 }))
    // Numbered pages, every word inside the page.
    expect(pdf.pages).toBeGreaterThanOrEqual(2)
    expect(pdf.pages).toBeLessThanOrEqual(4)
    expect(pdf.text).toContain(`page ${pdf.pages} / ${pdf.pages}`)
    for (const [x0, y0, x1, y1] of pdf.words) {
      expect(x0).toBeGreaterThanOrEqual(30)
      expect(x1).toBeLessThanOrEqual(566)
      expect(y0).toBeGreaterThanOrEqual(30)
      expect(y1).toBeLessThanOrEqual(822)
    }
  })

  it('prints the Arabic PDF right to left: whole words, the month before its year, dates left to right', async () => {
    fill()
    const file = await api().call('reports.document', {
      period: '2025-10',
      lang: 'ar',
      format: 'pdf',
    })
    const pdf = readPdf(file)
    // pdftotext writes each line left to right: an Arabic line comes out last word first.
    const visual = (logical: string) => logical.split(' ').reverse().join(' ')
    const title = stripMarks(tr('ar', 'titleMonth', { period: 'أكتوبر 2025' }))
    const titleLine = title.includes('—')
      ? `2025 أكتوبر — ${visual(title.split(' — ')[0]!)}`
      : visual(title)
    expect(pdf.lines).toContain(titleLine)
    // The tables' column of the period and of the one before (month names from the locale).
    expect(pdf.text).toContain('2025 أكتوبر')
    expect(pdf.text).toContain('2025 شتنبر')
    // Dates keep their order: the day the report was made, the first week's days.
    const [y, m, dd] = new Date().toISOString().slice(0, 10).split('-')
    expect(pdf.text).toContain(`${dd}/${m}/${y}`)
    // (the chart's label may wrap after the dash: read across lines)
    const flat = pdf.text.replace(/\s+/g, ' ')
    expect(flat).toContain('01/10/2025 – 05/10/2025')
    expect(flat).not.toContain('05/10/2025 – 01/10/2025')
    expect(pdf.text).toContain('تيزنيت')
    // Letters, not presentation forms: the text was shaped from the real characters.
    expect(pdf.text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/)
    expect(pdf.pages).toBeLessThanOrEqual(4)
  })

  it('writes a workbook whose sheets read back with the same numbers, as number cells', async () => {
    fill()
    const oct = await dashboard({ period: { from: '2025-10-01', to: '2025-10-31' } })
    const sep = await dashboard({ period: { from: '2025-09-01', to: '2025-09-30' } })
    const file = await api().call('reports.document', {
      period: '2025-10',
      lang: 'fr',
      format: 'xlsx',
    })
    expect(file.fileName).toBe('sijill-report-2025-10-fr.xlsx')
    const bytes = Buffer.from(file.base64, 'base64')
    const summary = sheet(bytes, 0)
    expect(summary[0]).toEqual([
      translateError('fr', 'ministryReport.col.section'),
      translateError('fr', 'ministryReport.col.figure'),
      'octobre 2025',
      'septembre 2025',
      translateError('fr', 'ministryReport.col.change'),
      translateError('fr', 'ministryReport.col.changePct'),
      translateError('fr', 'ministryReport.col.ratePct'),
      translateError('fr', 'ministryReport.col.over'),
    ])
    const row = (label: string) => summary.find((r) => r[1] === label)
    const identified = oct.inPeriod.identified
    expect(row(tr('fr', 'in.identified'))?.slice(2, 5)).toEqual([
      String(identified),
      String(sep.inPeriod.identified),
      String(identified - sep.inPeriod.identified),
    ])
    expect(row(tr('fr', 'step.registered'))?.slice(2, 3)).toEqual([String(oct.funnel.registered)])
    expect(Number(row(tr('fr', 'step.registered'))?.[6])).toBeCloseTo(
      (100 * oct.funnel.registered) / oct.funnel.identified,
      1,
    )
    expect(row(tr('fr', 'ses.held'))?.slice(2, 6)).toEqual(['4', '3', '1', '33.3'])
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!)
    expect(xml).toContain(`<v>${identified}</v>`)

    // The period's ends are written day first; the days of the trend are date cells shown
    // dd/mm/yyyy, which read back as the same days.
    expect(row(tr('fr', 'fact.period'))?.[2]).toBe('01/10/2025 – 31/10/2025')
    const parts = unzipSync(bytes)
    expect(strFromU8(parts['xl/styles.xml']!)).toContain('formatCode="dd\\/mm\\/yyyy"')
    expect(strFromU8(parts['xl/worksheets/sheet2.xml']!)).toContain(
      '<c r="B2" s="2"><v>45931</v></c>',
    )
    const trend = sheet(bytes, 1)
    expect(trend.slice(1).map((r) => r[1])).toEqual(oct.trend.buckets.map((b) => b.from))
    expect(trend.slice(1).map((r) => Number(r[4]))).toEqual(
      oct.trend.buckets.map((b) => b.registered),
    )

    const provinces = sheet(bytes, 2)
    expect(provinces.slice(1).map((r) => r[0] ?? '')).toEqual([
      '09.01',
      '09.02',
      '09.03',
      '09.04',
      '09.05',
      '09.06',
      '',
      '',
    ])
    expect(provinces.at(-1)?.slice(2, 4)).toEqual([
      String(oct.funnel.identified),
      String(oct.funnel.registered),
    ])

    // In Arabic the sheets read right to left.
    const ar = await api().call('reports.document', {
      period: '2025-Q4',
      lang: 'ar',
      format: 'xlsx',
    })
    const arXml = strFromU8(
      unzipSync(Buffer.from(ar.base64, 'base64'))['xl/worksheets/sheet2.xml']!,
    )
    expect(arXml).toContain('rightToLeft="1"')
    expect(sheet(Buffer.from(ar.base64, 'base64'), 1).length).toBe(4) // header + 3 months
  })
})

describe('the command line', () => {
  async function cli(...argv: string[]) {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(['--data-dir', dir, ...argv], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    })
    return { code, out: out.join('\n'), err: err.join('\n') }
  }

  it('writes the report as PDF and XLSX, and explains wrong flags', async () => {
    fill()
    app.close()
    const pdfPath = join(dir, 'octobre.pdf')
    const pdf = await cli('report', '--period', '2025-10', '--lang', 'fr', '--out', pdfPath)
    expect(pdf).toMatchObject({ code: 0 })
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-')
    expect(execFileSync('pdftotext', ['-raw', pdfPath, '-']).toString()).toContain(
      tr('fr', 'titleMonth', { period: 'octobre 2025' }),
    )
    const xlsxPath = join(dir, 'q4.xlsx')
    const xlsx = await cli(
      'report',
      '--period',
      '2025-Q4',
      '--lang',
      'ar',
      '--format',
      'xlsx',
      '--province',
      '09.06',
      '--out',
      xlsxPath,
    )
    expect(xlsx.code).toBe(0)
    expect(readXlsx(readFileSync(xlsxPath))[0]?.[2]).toBe(
      stripMarks(translateError('ar', 'ministryReport.quarter4', { year: 2025 })),
    )
    // The extension chooses the format when --format is not given.
    const auto = join(dir, 'auto.xlsx')
    expect((await cli('report', '--period', '2025-09', '--out', auto)).code).toBe(0)
    expect(readFileSync(auto).subarray(0, 2).toString()).toBe('PK')

    const unknown = await cli(
      'report',
      '--period',
      '2025-10',
      '--bogus',
      '--out',
      join(dir, 'x.pdf'),
    )
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain(
      translateError('fr', 'ministryReport.cli.unknownOption', { option: '--bogus' }),
    )
    const format = await cli(
      'report',
      '--period',
      '2025-10',
      '--format',
      'doc',
      '--out',
      join(dir, 'x.pdf'),
    )
    expect(format.code).toBe(2)
    expect(format.err).toContain(
      translateError('fr', 'ministryReport.cli.choice', {
        option: '--format',
        values: 'pdf, xlsx',
      }),
    )
    const noOut = await cli('report', '--period', '2025-10')
    expect(noOut.code).toBe(2)
    expect(noOut.err).toContain(
      translateError('fr', 'ministryReport.cli.required', { option: '--out' }),
    )
    const bad = await cli(
      '--lang',
      'ar',
      'report',
      '--period',
      '2025-13',
      '--out',
      join(dir, 'x.pdf'),
    )
    expect(bad.code).toBe(1)
    expect(bad.err).toContain(translateError('ar', 'validation.report_period'))
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false)
    app = openTestDesk(dir)
  })
})
