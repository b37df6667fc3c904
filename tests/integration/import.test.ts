import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { parseCsv } from '../../electron/services/import/csv'
import { guessMapping } from '../../electron/services/import/columns'
import { importRows } from '../../electron/services/import/run-import'
import { excelSerialToIso, toIsoDate } from '../../electron/services/import/values'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import { writeXlsx } from '../../electron/services/spreadsheet/xlsx-write'
import { runCli } from '../../electron/cli/run-cli'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'
import { testCodes, validRegistration } from '../helpers/registration'

/** An identification list as chambers send them: French headers, `;`, BOM, odd cells. */
const LIST = [
  '\uFEFFN° CIN;Prénom;Nom;الاسم الشخصي;الاسم العائلي;Téléphone;Date de naissance;Sexe;Commune;Activité',
  'JE100001;Ahmed;Ouali;أحمد;أوعلي;0661 11 22 33;12/03/1975;Homme;Tiznit;',
  'JE100002;Khadija;Bennani;;;\u200f٠٦٦٢٢٢٣٣٤٤;28500;F;;',
  'X12;Said;Amrani;;;0663000000;;;;',
  ';;;;;;;;;',
  'JE100004;يوسف;الإدريسي;;;0664000000;;M;;',
  'JE100005;Hassan;Alami;;;0665000000;;;;Astronautique',
  ';Rachid;Tazi;;;;;;;',
  'JE123456;Fatima;Ouali;;;0670000000;;F;;',
].join('\r\n')

let dir: string
let cleanup: () => void
let app: SijillApp
beforeEach(async () => {
  ;({ dir, cleanup } = tempDir())
  app = openTestDesk(dir)
  await app.direct().call('setup.complete', VALID_SETUP)
  await app.direct().call('artisans.register', validRegistration(testCodes(app.db))) // CIN JE123456
})
afterEach(() => {
  app.close()
  cleanup()
})

const run = async (dryRun = false) => {
  const rows = parseCsv(LIST)
  return await importRows(app.db, app.actor(), rows, guessMapping(rows[0] ?? []), {
    source: 'import:test.csv',
    dryRun,
  })
}

describe('importing an identification list', () => {
  it('recognises French and Arabic headers, with BOM and semicolons', () => {
    const rows = parseCsv(LIST)
    expect(guessMapping(rows[0] ?? [])).toEqual({
      0: 'cin',
      1: 'firstNameLat',
      2: 'lastNameLat',
      3: 'firstNameAr',
      4: 'lastNameAr',
      5: 'phone',
      6: 'birthDate',
      7: 'sex',
      8: 'communeCode',
      9: 'mainActivity',
    })
  })

  it('accounts for every row: created, matched to the register, rejected with reasons, or empty', async () => {
    const summary = await run()
    expect(summary).toMatchObject({
      created: 3,
      matched: 1,
      rejected: 3,
      empty: 1,
      cancelled: false,
    })
    const byLine = Object.fromEntries(summary.rows.map((r) => [r.line, r]))
    expect(byLine[2]?.outcome).toBe('created')
    expect(byLine[4]).toMatchObject({
      outcome: 'rejected',
      errors: [{ path: 'cin', key: 'validation.cin' }],
    })
    expect(byLine[5]?.outcome).toBe('empty')
    expect(byLine[7]).toMatchObject({
      outcome: 'rejected',
      errors: [{ path: 'mainActivity', key: 'validation.activity' }],
    })
    expect(byLine[8]).toMatchObject({
      outcome: 'rejected',
      errors: [{ path: 'cin', key: 'validation.cin_or_phone' }],
    })
    expect(byLine[9]?.outcome).toBe('matched')
  })

  it('cleans cells: Arabic-Indic digits, invisible marks, Excel dates, sexes in words, names in the wrong script, communes by name', async () => {
    await run()
    const row = (cin: string) =>
      app.db
        .prepare(
          `SELECT phone, birth_date AS birthDate, sex, first_name_ar AS fa, first_name_lat AS fl, commune_code AS commune,
             province_code AS province, rna_status AS status FROM artisan WHERE cin = ?`,
        )
        .get(cin) as Record<string, string | null>
    expect(row('JE100001')).toMatchObject({
      birthDate: '1975-03-12',
      sex: 'M',
      status: 'identified',
      province: testCodes(app.db).tiznitProvince,
    })
    expect(row('JE100002')).toMatchObject({
      phone: '+212662223344',
      birthDate: excelSerialToIso(28500),
      sex: 'F',
    })
    expect(row('JE100004')).toMatchObject({ fa: 'يوسف', fl: null })
  })

  it('changes nothing when the same file is imported again', async () => {
    await run()
    const count = () => app.db.prepare('SELECT count(*) FROM artisan').pluck().get()
    const before = count()
    const again = await run()
    expect(again).toMatchObject({ created: 0, matched: 4, rejected: 3, empty: 1 })
    expect(count()).toBe(before)
  })

  it('audits the import as one entry per batch, queues every file for the registry, and counts name words exactly', async () => {
    const summary = await run()
    const ids = summary.rows.filter((r) => r.outcome === 'created').map((r) => r.id)
    const audit = app.db
      .prepare(`SELECT after_json FROM audit_log WHERE action = 'artisan.import'`)
      .pluck()
      .all() as string[]
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0] as string)).toEqual({
      source: 'import:test.csv',
      created: summary.rows
        .filter((r) => r.outcome === 'created')
        .map((r) => ({ line: r.line, id: r.id })),
    })
    const queued = app.db
      .prepare(
        `SELECT entity_id FROM outbox WHERE op = 'create' AND entity_id IN (${ids.map(() => '?').join(',')})`,
      )
      .pluck()
      .all(...ids)
    expect(queued.sort()).toEqual([...ids].sort())
    expect(verifyAuditChain(app.db).ok).toBe(true)
    const count = (w: string) =>
      app.db.prepare('SELECT n FROM name_word_count WHERE word = ?').pluck().get(w)
    expect(count('ouali')).toBe(
      app.db
        .prepare(`SELECT count(*) FROM artisan_name_words WHERE artisan_name_words MATCH 'ouali'`)
        .pluck()
        .get(),
    )
  })

  it('settles a commune name that several provinces share: by the province column, else by the chamber region', async () => {
    const shared = app.db
      .prepare(
        `SELECT c.name_fr AS name,
           group_concat(c.province_code) AS provinces,
           sum(p.region_code = ?) AS inRegion
         FROM ref_commune c JOIN ref_province p ON p.code = c.province_code
         GROUP BY c.name_fr HAVING count(*) > 1 AND sum(p.region_code = ?) = 1 LIMIT 1`,
      )
      .get(VALID_SETUP.chamber.regionCode, VALID_SETUP.chamber.regionCode) as {
      name: string
      provinces: string
    }
    const elsewhere = app.db
      .prepare(
        `SELECT p.name_fr AS province, c.code AS commune FROM ref_commune c
           JOIN ref_province p ON p.code = c.province_code
         WHERE c.name_fr = ? AND p.region_code != ? LIMIT 1`,
      )
      .get(shared.name, VALID_SETUP.chamber.regionCode) as { province: string; commune: string }
    const rows = parseCsv(
      [
        'CIN;Prénom;Nom;Commune;Province',
        `JE300001;Said;Amrani;${shared.name};`,
        `JE300002;Driss;Tazi;${shared.name};${elsewhere.province}`,
      ].join('\n'),
    )
    const summary = await importRows(app.db, app.actor(), rows, guessMapping(rows[0] ?? []), {
      source: 'import:communes.csv',
    })
    expect(summary).toMatchObject({ created: 2, rejected: 0 })
    const communeOf = (cin: string) =>
      app.db.prepare('SELECT commune_code FROM artisan WHERE cin = ?').pluck().get(cin) as string
    const local = communeOf('JE300001')
    expect(shared.provinces.split(',')).toContain(local.split('.').slice(0, 2).join('.'))
    expect(local.startsWith(`${VALID_SETUP.chamber.regionCode}.`)).toBe(true)
    expect(communeOf('JE300002')).toBe(elsewhere.commune)
  })

  it('creates one file for a person listed twice in the same file, and says so in a dry run too', async () => {
    const rows = parseCsv(
      [
        'CIN;Prénom;Nom;Téléphone;Date de naissance',
        'JE400001;Ahmed;Ouali;0661400001;',
        'JE400001;Ahmed;Ouali;;',
        ';Hassan;Tazi;0661400002;1970-01-01',
        ';Hassan;Tazi;06 61 40 00 02;',
        ';Hassan;Alami;0661400002;',
      ].join('\n'),
    )
    const mapping = guessMapping(rows[0] ?? [])
    const options = { source: 'import:twice.csv' }
    const dry = await importRows(app.db, app.actor(), rows, mapping, { ...options, dryRun: true })
    expect(dry).toMatchObject({ created: 3, matched: 2 })
    const done = await importRows(app.db, app.actor(), rows, mapping, options)
    expect(done.rows.map((r) => r.outcome)).toEqual([
      'created',
      'matched',
      'created',
      'matched',
      'created', // same phone, another family name: another person sharing a phone
    ])
    expect(done.rows[1]?.id).toBe(done.rows[0]?.id)
    expect(done.rows[3]?.id).toBe(done.rows[2]?.id)
  })

  it('a dry run says what would happen and writes nothing', async () => {
    const count = () => app.db.prepare('SELECT count(*) FROM artisan').pluck().get()
    const before = count()
    expect(await run(true)).toMatchObject({ created: 3, matched: 1, rejected: 3, empty: 1 })
    expect(count()).toBe(before)
  })

  it('finds imported artisans at the counter, with their identification in the history', async () => {
    await run()
    const found = await app.direct().call('artisans.search', { query: 'ahmed ouali' })
    expect(found.items.map((a) => a.cin)).toEqual(['JE100001'])
    const file = await app.direct().call('artisans.get', { id: found.items[0]?.id as string })
    expect(file.events).toMatchObject([
      { step: 'identified', detail: { source: 'import:test.csv' } },
    ])
  })

  it('reads dates as spreadsheets write them', () => {
    expect(toIsoDate('12/03/1975')).toBe('1975-03-12')
    expect(toIsoDate('1975-3-2')).toBe('1975-03-02')
    expect(toIsoDate('27468')).toBe('1975-03-15')
    expect(toIsoDate('1975')).toBe('1975')
  })
})

describe('importing from the screen', () => {
  it('runs as a job with progress, stops when cancelled, and resumes without duplicates', async () => {
    const lines = ['CIN;Prénom;Nom;Téléphone']
    for (let i = 0; i < 7000; i++)
      lines.push(`JE${700000 + i};Ahmed;Ouali;06${String(70000000 + i).padStart(8, '0')}`)
    const file = { fileName: 'grande-liste.csv', text: lines.join('\n') }
    const api = app.direct()
    const preview = await api.call('import.preview', file)
    expect(preview.rows).toBe(7000)
    const start = { ...file, mapping: preview.mapping, language: 'fr' as const }
    const wait = async (jobId: string) => {
      for (;;) {
        const status = await api.call('import.status', { jobId })
        if (status.state !== 'running') return status
        await new Promise((r) => setTimeout(r, 10))
      }
    }
    const { jobId } = await api.call('import.start', start)
    await api.call('import.cancel', { jobId })
    const stopped = await wait(jobId)
    expect(stopped.state).toBe('cancelled')
    expect(stopped.created).toBeLessThan(7000)
    const again = await wait((await api.call('import.start', start)).jobId)
    expect(again).toMatchObject({ state: 'done', done: 7000, total: 7000, rejected: 0 })
    expect(again.created + again.matched).toBe(7000)
    expect(again.matched).toBe(stopped.created)
  })
})

describe('cli import', () => {
  it('imports, reports rejected rows in a file, and is idempotent', async () => {
    const file = join(dir, 'caravane-tata.csv')
    writeFileSync(file, LIST)
    const out: string[] = []
    const io = { out: (l: string) => out.push(l), err: () => undefined }
    expect(await runCli(['--data-dir', dir, 'import', file], io)).toBe(0)
    expect(out[0]).toBe('3 created, 1 matched, 3 rejected, 1 empty')
    const report = readFileSync(join(dir, 'caravane-tata.errors.csv'), 'utf8')
    expect(report).toContain('4,cin,')
    expect(report).toContain('CIN non valide')
    out.length = 0
    expect(await runCli(['--data-dir', dir, 'import', file], io)).toBe(0)
    expect(out[0]).toBe('0 created, 4 matched, 3 rejected, 1 empty')
    expect(await runCli(['--data-dir', dir, 'import', join(dir, 'missing.xlsx')], io)).toBe(1)
  })

  it('reads Excel workbooks, and says how to save an old .xls', async () => {
    const rows = parseCsv(LIST)
    const file = join(dir, 'caravane.xlsx')
    writeFileSync(file, writeXlsx({ name: 'Liste', header: rows[0] ?? [] }, rows.slice(1)))
    const out: string[] = []
    const err: string[] = []
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }
    expect(await runCli(['--data-dir', dir, 'import', file], io)).toBe(0)
    expect(out[0]).toBe('3 created, 1 matched, 3 rejected, 1 empty')
    expect(readFileSync(join(dir, 'caravane.errors.csv'), 'utf8')).toContain('4,cin,')
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK') // the list itself untouched

    const old = join(dir, 'ancien.xls')
    writeFileSync(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    expect(await runCli(['--data-dir', dir, 'import', old], io)).toBe(1)
    expect(err.at(-1)).toContain('Excel 97-2003')
  })
})
