import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { IDENTIFICATION_FIELDS } from '../../shared/artisans/identification'
import { exportRegister } from '../../electron/services/artisans/export'
import { guessMapping } from '../../electron/services/import/columns'
import { parseCsv } from '../../electron/services/import/csv'
import { importRows } from '../../electron/services/import/run-import'
import { csvField } from '../../electron/services/spreadsheet/csv-write'
import { readXlsx } from '../../electron/services/spreadsheet/xlsx-read'
import { seedArtisans } from '../../electron/services/seed/generate'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

/** The artisans list and the export on a generated register of 3,000 files. */
let dir: string
let cleanup: () => void
let app: SijillApp
beforeAll(async () => {
  ;({ dir, cleanup } = tempDir())
  app = openTestDesk(dir)
  await app.direct().call('setup.complete', VALID_SETUP)
  seedArtisans(app.db, app.actor(), { count: 3000, seed: 11 })
})
afterAll(() => {
  app.close()
  cleanup()
})

const sql = (q: string, ...p: string[]) =>
  app.db
    .prepare(q)
    .pluck()
    .get(...p) as number

describe('the artisans list', () => {
  it('walks the whole register page by page, newest first, each file once', async () => {
    const seen: string[] = []
    let after: number | undefined
    for (;;) {
      const page = await app
        .direct()
        .call('artisans.list', { ...(after ? { after } : {}), limit: 500 })
      seen.push(...page.items.map((a) => a.id))
      if (page.next === null) break
      after = page.next
    }
    expect(seen.length).toBe(3000)
    expect(new Set(seen).size).toBe(3000)
    expect([...seen].sort().reverse()).toEqual(seen) // UUIDv7: newest first
  })

  it('filters by territory and path state, and counts exactly what it lists', async () => {
    const province = app.db
      .prepare('SELECT province_code FROM artisan GROUP BY province_code ORDER BY count(*) DESC')
      .pluck()
      .get() as string
    const filter = { provinceCode: province, rnaStatus: 'registered' as const }
    const { count } = await app.direct().call('artisans.count', { filter })
    expect(count).toBe(
      sql(
        `SELECT count(*) FROM artisan WHERE province_code = ? AND rna_status = 'registered'`,
        province,
      ),
    )
    const page = await app.direct().call('artisans.list', { filter, limit: 500 })
    expect(page.items.length).toBe(Math.min(count, 500))
    expect(page.items.every((a) => a.rnaStatus === 'registered')).toBe(true)
  })

  it('refuses a malformed filter with a field error', async () => {
    await expect(
      app.direct().call('artisans.list', { filter: { rnaStatus: 'famous' as never } }),
    ).rejects.toMatchObject({
      data: { code: 'validation', fields: [{ path: 'filter.rnaStatus' }] },
    })
  })
})

const exportTo = async (
  format: 'csv' | 'xlsx',
  filter: Parameters<typeof exportRegister>[1]['filter'],
  language: 'ar' | 'fr' = 'fr',
  shouldStop?: () => boolean,
) => {
  const chunks: Uint8Array[] = []
  const result = await exportRegister(app.db, {
    format,
    filter,
    language,
    write: (c) => chunks.push(c),
    ...(shouldStop ? { shouldStop } : {}),
  })
  return { result, bytes: Buffer.concat(chunks) }
}

describe('export', () => {
  it('writes every filtered file once as CSV, with a BOM, headers and names in the language', async () => {
    const { result, bytes } = await exportTo('csv', { coverStatus: 'amo_covered' })
    const text = bytes.toString('utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const rows = parseCsv(text.slice(1).trimEnd())
    expect(rows[0]?.slice(0, 6)).toEqual([
      'CIN',
      'NIA',
      'Prénom en arabe',
      'Nom en arabe',
      'Prénom en lettres latines',
      'Nom en lettres latines',
    ])
    expect(result).toEqual({
      rows: sql(`SELECT count(*) FROM artisan WHERE cover_status = 'amo_covered'`),
      cancelled: false,
    })
    expect(rows.length - 1).toBe(result.rows)
    const cover = rows[0]?.indexOf('Couverture') ?? -1
    expect(rows.slice(1).every((r) => r[cover] === "Couvert par l'AMO")).toBe(true)
    expect(rows[1]?.[2]).toMatch(/[\u0600-\u06FF]/)
    expect(rows[1]?.[rows[0]?.indexOf('Téléphone') ?? -1]).toMatch(/^0[5-7]( \d\d){4}$/)
  })

  it('writes XLSX that reads back cell for cell, right to left in Arabic', async () => {
    const filter = { rnaStatus: 'registered' as const }
    const csv = parseCsv(
      (await exportTo('csv', filter, 'ar')).bytes.toString('utf8').slice(1).trimEnd(),
    )
    const { result, bytes } = await exportTo('xlsx', filter, 'ar')
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
    const sheet = readXlsx(bytes)
    expect(sheet.length).toBe(result.rows + 1)
    expect(sheet[0]?.[0]).toBe('رقم البطاقة الوطنية')
    // Same content as the CSV (an empty cell is simply absent at the end of an XLSX row).
    expect(sheet.map((r) => r.join('|').replace(/\|+$/, ''))).toEqual(
      csv.map((r) => r.join('|').replace(/\|+$/, '')),
    )
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] as Uint8Array)
    expect(xml).toContain('rightToLeft="1"')
    // Birth dates are real date cells (Excel's serial day) shown dd/mm/yyyy; the CSV says ISO.
    const styles = strFromU8(unzipSync(bytes)['xl/styles.xml'] as Uint8Array)
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="dd\\/mm\\/yyyy"/>')
    const birth = csv[0]?.indexOf('تاريخ الازدياد') ?? -1
    expect(birth).toBeGreaterThan(0)
    const column = String.fromCharCode(65 + birth)
    expect(xml).toMatch(new RegExp(`<c r="${column}2" s="2"><v>\\d+</v></c>`))
    expect(csv[1]?.[birth]).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('keeps every date through export and import, from XLSX and from CSV', async () => {
    const filter = { rnaStatus: 'registered' as const }
    const days = (db: SijillApp['db'], where = '1') =>
      db
        .prepare(
          `SELECT cin || ' ' || coalesce(birth_date, '-') FROM artisan WHERE ${where} ORDER BY cin`,
        )
        .pluck()
        .all() as string[]
    const expected = days(app.db, `rna_status = 'registered'`)
    expect(expected.filter((d) => !d.endsWith('-')).length).toBeGreaterThan(10)
    const xlsx = readXlsx((await exportTo('xlsx', filter)).bytes)
    const csv = parseCsv((await exportTo('csv', filter)).bytes.toString('utf8').slice(1).trimEnd())
    for (const rows of [xlsx, csv]) {
      const other = tempDir()
      const desk = openTestDesk(other.dir)
      try {
        await desk.direct().call('setup.complete', VALID_SETUP)
        const summary = await importRows(desk.db, desk.actor(), rows, guessMapping(rows[0] ?? []), {
          source: 'import:dates',
          dryRun: false,
        })
        expect(summary).toMatchObject({ created: rows.length - 1, rejected: 0 })
        expect(days(desk.db)).toEqual(expected)
      } finally {
        desk.close()
        other.cleanup()
      }
    }
  })

  it('is imported again as it was exported: every column recognised, every file matched', async () => {
    const { bytes } = await exportTo('xlsx', { rnaStatus: 'identified' }, 'ar')
    const rows = readXlsx(bytes)
    const mapping = guessMapping(rows[0] ?? [])
    expect(Object.values(mapping).sort()).toEqual([...IDENTIFICATION_FIELDS].sort())
    const summary = await importRows(app.db, app.actor(), rows, mapping, {
      source: 'import:again.xlsx',
      dryRun: true,
    })
    expect(summary).toMatchObject({ created: 0, rejected: 0, matched: rows.length - 1 })
  })

  it('runs from the screen as a job: progress, the file once, an audit entry; supervisors only', async () => {
    const api = app.direct()
    const filter = { rnaStatus: 'registered' as const }
    const { jobId, total } = await api.call('export.start', {
      format: 'xlsx',
      filter,
      language: 'fr',
    })
    expect(total).toBe(sql(`SELECT count(*) FROM artisan WHERE rna_status = 'registered'`))
    let status = await api.call('export.status', { jobId })
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 20))
      status = await api.call('export.status', { jobId })
    }
    expect(status).toEqual({ state: 'done', done: total, total })
    const file = await api.call('export.file', { jobId })
    expect(file.fileName).toMatch(/^sijill-artisans-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(readXlsx(Buffer.from(file.base64, 'base64')).length).toBe(total + 1)
    await expect(api.call('export.file', { jobId })).rejects.toMatchObject({
      data: { code: 'not_found' },
    })
    const audit = app.db
      .prepare(`SELECT after_json FROM audit_log WHERE action = 'artisans.export'`)
      .pluck()
      .get() as string
    expect(JSON.parse(audit)).toEqual({ format: 'xlsx', filter, rows: total })

    const asClerk = await app.router.call(
      { actor: { id: 'c', name: 'Clerk', roles: ['clerk'] }, transport: 'direct', auth: 'active' },
      'export.start',
      { format: 'csv', filter: {}, language: 'fr' },
    )
    expect(asClerk).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('stops when asked and says it was cancelled', async () => {
    const { result } = await exportTo('csv', {}, 'fr', () => true)
    expect(result).toEqual({ rows: 0, cancelled: true })
  })

  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvField('El "Hajj", fils')).toBe('"El ""Hajj"", fils"')
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField(null)).toBe('')
    expect(csvField('+212612345678')).toBe("'+212612345678") // a formula trigger, still readable
  })
})
