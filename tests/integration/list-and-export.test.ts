import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { csvField, exportCsv } from '../../electron/services/artisans/export-csv'
import { seedArtisans } from '../../electron/services/seed/generate'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

/** The artisans list and the CSV export on a generated register of 3,000 files. */
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

describe('CSV export', () => {
  it('writes every filtered file once, with a BOM and a header, readable in Arabic', async () => {
    const file = join(dir, 'export.csv')
    const result = await exportCsv(app.db, file, { coverStatus: 'amo_covered' })
    const text = readFileSync(file, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const lines = text.slice(1).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'id,cin,nia,firstNameAr,lastNameAr,firstNameLat,lastNameLat,organisationName,actorType,phone,birthDate,communeCode,mainActivity,rnaStatus,coverStatus,bankStatus',
    )
    expect(result).toEqual({
      rows: sql(`SELECT count(*) FROM artisan WHERE cover_status = 'amo_covered'`),
      cancelled: false,
    })
    expect(lines.length - 1).toBe(result.rows)
    expect(lines[1]).toMatch(/[\u0600-\u06FF]/)
  })

  it('stops when asked and says it was cancelled', async () => {
    const result = await exportCsv(app.db, join(dir, 'stopped.csv'), {}, { shouldStop: () => true })
    expect(result).toEqual({ rows: 0, cancelled: true })
  })

  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvField('El "Hajj", fils')).toBe('"El ""Hajj"", fils"')
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField(null)).toBe('')
    expect(csvField('+212612345678')).toBe('+212612345678')
  })
})
