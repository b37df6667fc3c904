import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { createApiClient, type ApiClient } from '@shared/api/client'
import type { Actor } from '@shared/api/roles'
import type { SijillApp } from '../../electron/services/app'
import { parseCsv } from '../../electron/services/import/csv'
import { guessMapping } from '../../electron/services/import/columns'
import { importRows } from '../../electron/services/import/run-import'
import { errorReportCsv } from '../../electron/services/import/error-report'
import { excelSerialToIso, toIsoDate } from '../../electron/services/import/values'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import { writeXlsx } from '../../electron/services/spreadsheet/xlsx-write'
import { runCli } from '../../electron/cli/run-cli'
import { setUpDeskPerTest } from '../helpers/desk-per-test'
import { VALID_SETUP } from '../helpers/temp-desk'
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
let app: SijillApp
setUpDeskPerTest(
  (desk) => ({ app, dir } = desk),
  () => app,
)
beforeEach(async () => {
  await app.direct().call('artisans.register', validRegistration(testCodes(app.db))) // CIN JE123456
})

const run = async (dryRun = false) => {
  const rows = parseCsv(LIST)
  return await importRows(app.db, app.actor(), rows, guessMapping(rows[0] ?? []), {
    source: 'import:test.csv',
    dryRun,
  })
}

/** Waits for an import job to stop running, and gives its status. */
const wait = async (jobId: string) => {
  for (;;) {
    const status = await app.direct().call('import.status', { jobId })
    if (status.state !== 'running') return status
    await new Promise((r) => setTimeout(r, 10))
  }
}
/** Previews and starts an import as the screen does, in French, and waits for its end. */
const startImport = async (file: { fileName: string; text: string }, dryRun = false) => {
  const preview = await app.direct().call('import.preview', file)
  const { jobId } = await app
    .direct()
    .call('import.start', { ...file, mapping: preview.mapping, language: 'fr', dryRun })
  return { jobId, status: await wait(jobId) }
}

/** What a person decided about two files being one person (kept with the smaller id first). */
const decisionBetween = (x: string, y: string) => {
  const [a, b] = [x, y].sort()
  return app.db
    .prepare('SELECT decision FROM duplicate_decision WHERE a_id = ? AND b_id = ?')
    .pluck()
    .get(a, b)
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
    expect(out[0]).toBe('3 created, 1 matched, 3 rejected, 1 empty, 0 held, of 8 rows')
    const report = readFileSync(join(dir, 'caravane-tata.errors.csv'), 'utf8')
    expect(report).toContain('4,cin,')
    expect(report).toContain('CIN non valide')
    out.length = 0
    expect(await runCli(['--data-dir', dir, 'import', file], io)).toBe(0)
    expect(out[0]).toBe('0 created, 4 matched, 3 rejected, 1 empty, 0 held, of 8 rows')
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
    expect(out[0]).toBe('3 created, 1 matched, 3 rejected, 1 empty, 0 held, of 8 rows')
    expect(readFileSync(join(dir, 'caravane.errors.csv'), 'utf8')).toContain('4,cin,')
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK') // the list itself untouched

    const old = join(dir, 'ancien.xls')
    writeFileSync(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    expect(await runCli(['--data-dir', dir, 'import', old], io)).toBe(1)
    expect(err.at(-1)).toContain('Excel 97-2003')
  })
})

describe('no silent merge: two CINs are never the same person without a human decision', () => {
  const register = () =>
    app.db
      .prepare(
        `SELECT id, cin, first_name_ar, last_name_ar, first_name_lat, last_name_lat, phone, birth_date,
           version, updated_at FROM artisan ORDER BY id`,
      )
      .all()
  const importCsv = async (lines: string[], dryRun = false) => {
    const rows = parseCsv(lines.join('\n'))
    return await importRows(app.db, app.actor(), rows, guessMapping(rows[0] ?? []), {
      source: 'import:held.csv',
      dryRun,
    })
  }
  // The file registered before each test: JE123456, Fatima Ouali, 06 61 23 45 67, born 1978-03-14.
  const HEADER = 'CIN;Prénom;Nom;Téléphone;Date de naissance'

  it('holds a row whose CIN differs from the file it resembles, and a file’s CIN with another name or birth date; matches only true matches', async () => {
    const before = register()
    const summary = await importCsv([
      HEADER,
      'JE999001;Fatima;Ouali;0661234567;14/03/1978', // other CIN, same phone, name and birth
      'JE999002;Khadija;Ouali;06 61 23 45 67;', // other CIN, same phone and family name
      'JE123456;Said;Tazi;;', // the file's CIN, another family name
      'JE123456;Fatima;Ouali;;01/01/1980', // the file's CIN, another birth date
      ';Fatima;Ouali;0661234567;14/03/1978', // no CIN: the counter's rules match it
      'JE123456;Fatima;Ouali;;', // the same CIN and name: the same person
    ])
    expect(summary).toMatchObject({ created: 0, matched: 2, rejected: 0, empty: 0, held: 4 })
    const byLine = Object.fromEntries(summary.rows.map((r) => [r.line, r]))
    expect(byLine[2]).toMatchObject({
      outcome: 'held',
      held: {
        reason: 'other_cin',
        row: { cin: 'JE999001', firstNameLat: 'Fatima', birthDate: '1978-03-14' },
        file: { cin: 'JE123456', lastNameLat: 'Ouali', phone: '+212661234567' },
      },
    })
    expect(byLine[3]?.held?.reason).toBe('other_cin')
    expect(byLine[4]?.held?.reason).toBe('same_cin_other_name')
    expect(byLine[5]?.held?.reason).toBe('same_cin_other_birth')
    expect(byLine[6]?.outcome).toBe('matched')
    expect(byLine[7]?.outcome).toBe('matched')
    expect(register()).toEqual(before) // nothing created, nothing folded, nothing overwritten
    const audit = app.db
      .prepare(`SELECT after_json FROM audit_log WHERE action = 'artisan.import'`)
      .pluck()
      .get() as string
    expect(JSON.parse(audit).held).toHaveLength(4)
  })

  it('holds all 50 rows of a list copied with other CINs, and accounts for every row', async () => {
    const first = [HEADER]
    const second = [HEADER]
    for (let i = 0; i < 50; i++) {
      const phone = `06${String(50_000_000 + i)}`
      first.push(`JE${500_000 + i};Ahmed;Ouali;${phone};12/03/1975`)
      second.push(`JK${500_000 + i};Ahmed;Ouali;${phone};12/03/1975`)
    }
    expect(await importCsv(first)).toMatchObject({ created: 50, held: 0 })
    const before = register()
    const again = await importCsv(second)
    expect(again).toMatchObject({ created: 0, matched: 0, rejected: 0, empty: 0, held: 50 })
    expect(again.created + again.matched + again.rejected + again.empty + again.held).toBe(50)
    expect(register()).toEqual(before)
    const none = app.db.prepare(`SELECT count(*) FROM artisan WHERE cin LIKE 'JK%'`).pluck().get()
    expect(none).toBe(0)
  })

  it('holds the second of two rows of one list with the same CIN and other family names', async () => {
    const summary = await importCsv([HEADER, 'JE777001;Ahmed;Ouali;;', 'JE777001;Said;Tazi;;'])
    expect(summary.rows.map((r) => r.outcome)).toEqual(['created', 'held'])
    expect(summary.rows[1]?.held?.file.id).toBe(summary.rows[0]?.id)
  })

  it('lists held rows in the error report with both sides', async () => {
    const lines = [HEADER, 'JE999001;Fatima;Ouali;0661234567;14/03/1978']
    const rows = parseCsv(lines.join('\n'))
    const summary = await importRows(app.db, app.actor(), rows, guessMapping(rows[0] ?? []), {
      source: 'import:held.csv',
    })
    const report = errorReportCsv(rows[0] ?? [], rows, summary, 'fr')
    const line = report.split('\r\n')[1] ?? ''
    expect(line).toMatch(/^2,cin,/)
    expect(line).toContain('JE999001') // the row's CIN, in the message and in the row as it was
    expect(line).toContain('JE123456') // the file's CIN
    expect(line).toContain('06 61 23 45 67') // the file's phone
    expect(line).toContain('14/03/1978') // the file's birth date, as dates are shown
  })
})

describe('one validation for every door', () => {
  it('rejects the names the form refuses, naming the field', async () => {
    const rows = parseCsv(
      [
        'CIN;Prénom;Nom',
        'JE600001;12345;Ouali',
        'JE600002;=HYPERLINK("x");Ouali',
        'JE600003;+Ahmed;Ouali',
        'JE600004;@SUM(1+1);Ouali',
        'JE600005;Ahmed;-1',
        'JE600006;أحمد1;Ouali',
      ].join('\n'),
    )
    const summary = await importRows(app.db, app.actor(), rows, guessMapping(rows[0] ?? []), {
      source: 'import:names.csv',
    })
    expect(summary).toMatchObject({ created: 0, rejected: 6 })
    expect(summary.rows.map((r) => r.errors?.[0])).toEqual([
      { path: 'firstNameLat', key: 'validation.latin_text' },
      { path: 'firstNameLat', key: 'validation.latin_text' },
      { path: 'firstNameLat', key: 'validation.latin_text' },
      { path: 'firstNameLat', key: 'validation.latin_text' },
      { path: 'lastNameLat', key: 'validation.latin_text' },
      { path: 'firstNameAr', key: 'validation.arabic_text' },
    ])
  })

  it('rejects birth dates the form refuses: not a calendar day, or an implausible age', async () => {
    const rows = parseCsv(
      [
        'CIN;Prénom;Nom;Date de naissance',
        'JE610001;Ahmed;Ouali;31/02/1980',
        'JE610002;Ahmed;Ouali;01/01/2020',
      ].join('\n'),
    )
    const summary = await importRows(app.db, app.actor(), rows, guessMapping(rows[0] ?? []), {
      source: 'import:dates.csv',
    })
    expect(summary.rows.map((r) => r.errors?.[0])).toEqual([
      { path: 'birthDate', key: 'validation.date' },
      { path: 'birthDate', key: 'validation.birth_date_range' },
    ])
  })
})

describe('held rows on the screen: a person decides', () => {
  const heldList = {
    fileName: 'held.csv',
    text: [
      'CIN;Prénom;Nom;Téléphone;Date de naissance',
      'JE999001;Fatima;Ouali;0661234567;14/03/1978',
      'JE123456;Said;Tazi;;',
      'JE999003;Ahmed;Alami;0661999003;',
    ].join('\n'),
  }
  const start = (dryRun = false) => startImport(heldList, dryRun)

  it('shows both sides, and registers a held row as a new file only when a person says so', async () => {
    const { jobId, status } = await start()
    expect(status).toMatchObject({ state: 'done', total: 3, created: 1, held: 2, dryRun: false })
    expect(status.created + status.matched + status.rejected + status.empty + status.held).toBe(3)
    expect(status.heldRows).toMatchObject([
      { line: 2, reason: 'other_cin', row: { cin: 'JE999001' }, file: { cin: 'JE123456' } },
      { line: 3, reason: 'same_cin_other_name', row: { lastNameLat: 'Tazi' } },
    ])
    expect(status.report).toContain('JE999001')
    const existing = status.heldRows[0]?.file.id as string
    const registered = await app
      .direct()
      .call('import.decide', { jobId, line: 2, decision: 'register' })
    expect(registered).toMatchObject({ decision: 'registered' })
    const file = await app.direct().call('artisans.get', { id: registered.createdId as string })
    expect(file).toMatchObject({ cin: 'JE999001', rnaStatus: 'identified' })
    expect(decisionBetween(registered.createdId as string, existing)).toBe('not_same')
    // A file's own CIN can only be skipped: registering it would make two files of one CIN.
    await expect(
      app.direct().call('import.decide', { jobId, line: 3, decision: 'register' }),
    ).rejects.toMatchObject({ data: { key: 'errors.import_held_same_cin' } })
    expect(
      await app.direct().call('import.decide', { jobId, line: 3, decision: 'skip' }),
    ).toMatchObject({
      decision: 'skipped',
    })
    const after = await app.direct().call('import.status', { jobId })
    expect(after.heldRows.map((h) => h.decision)).toEqual(['registered', 'skipped'])
  })

  it('registers nothing from a dry run', async () => {
    const { jobId, status } = await start(true)
    expect(status).toMatchObject({ held: 2, dryRun: true })
    await expect(
      app.direct().call('import.decide', { jobId, line: 2, decision: 'register' }),
    ).rejects.toMatchObject({ data: { key: 'errors.import_dry_run_decision' } })
  })
})

describe('a row with a CIN that resembles a file without one: held, never folded in', () => {
  // A file identified from an earlier list without a CIN: Hassan Tazi, 06 61 40 00 02, 12/03/1975.
  const HEADER = 'CIN;Prénom;Nom;Téléphone;Date de naissance'
  const LIST = [
    HEADER,
    'JE800001;Hassan;Tazi;0661400002;12/03/1975', // same phone, name and birth date
    'JE800002;Hassan;Tazi;06 61 40 00 02;', // same phone and family name
    ';Hassan;Tazi;0661400002;12/03/1975', // no CIN: nothing lost, matched
  ].join('\n')
  let fileId: string
  beforeEach(async () => {
    const rows = parseCsv([HEADER, ';Hassan;Tazi;0661400002;12/03/1975'].join('\n'))
    const first = await importRows(app.db, app.actor(), rows, guessMapping(rows[0] ?? []), {
      source: 'import:sans-cin.csv',
    })
    fileId = first.rows[0]?.id as string
  })
  /** Everything a decision may write: files, their outbox, approvals, audit length. */
  const state = () => ({
    files: app.db
      .prepare('SELECT id, cin, version, updated_at, rna_status FROM artisan ORDER BY id')
      .all(),
    outbox: app.db.prepare('SELECT count(*) FROM outbox').pluck().get(),
    approvals: app.db.prepare('SELECT count(*) FROM approval').pluck().get(),
    notSame: app.db.prepare('SELECT count(*) FROM duplicate_decision').pluck().get(),
  })
  const start = (dryRun = false) => startImport({ fileName: 'avec-cin.csv', text: LIST }, dryRun)
  /** The API as this person calls it (logged in, through the router). */
  const as = (actor: Actor): ApiClient =>
    createApiClient({
      kind: 'http',
      call: (method, input) =>
        app.router.call({ actor, transport: 'http', auth: 'active' }, method, input),
    })
  const clerk: Actor = { id: 'user:amina', name: 'Amina Clerk', roles: ['clerk'] }
  const cinOf = (id: string) =>
    app.db.prepare('SELECT cin FROM artisan WHERE id = ?').pluck().get(id) as string | null

  it('holds the row with both sides, counts it held, reports it, and changes nothing', async () => {
    const before = state()
    const rows = parseCsv(LIST)
    const summary = await importRows(app.db, app.actor(), rows, guessMapping(rows[0] ?? []), {
      source: 'import:avec-cin.csv',
    })
    expect(summary).toMatchObject({ created: 0, matched: 1, rejected: 0, empty: 0, held: 2 })
    expect(summary.rows[0]).toMatchObject({
      outcome: 'held',
      held: {
        reason: 'file_without_cin',
        row: { cin: 'JE800001', lastNameLat: 'Tazi', birthDate: '1975-03-12' },
        file: { id: fileId, cin: null, lastNameLat: 'Tazi', phone: '+212661400002' },
      },
    })
    expect(summary.rows[1]?.held?.reason).toBe('file_without_cin')
    expect(summary.rows[2]).toMatchObject({ outcome: 'matched', id: fileId })
    expect(state()).toEqual(before) // nothing written but the import's audit entry
    expect(cinOf(fileId)).toBeNull()
    const report = errorReportCsv(rows[0] ?? [], rows, summary, 'fr')
    const line = report.split('\r\n')[1] ?? ''
    expect(line).toMatch(/^2,cin,/)
    expect(line).toContain('JE800001')
    expect(line).toContain("qui n'a pas de CIN")
    expect(line).toContain('06 61 40 00 02')
  })

  it('says so on the command line: the held count and why', async () => {
    const file = join(dir, 'avec-cin.csv')
    writeFileSync(file, LIST)
    const out: string[] = []
    const io = { out: (l: string) => out.push(l), err: () => undefined }
    expect(await runCli(['--data-dir', dir, 'import', file], io)).toBe(0)
    expect(out[0]).toBe('0 created, 1 matched, 0 rejected, 0 empty, 2 held, of 3 rows')
    expect(out[1]).toContain("un CIN pour un dossier qui n'en a pas")
    expect(readFileSync(join(dir, 'avec-cin.errors.csv'), 'utf8')).toContain('JE800002')
  })

  it('adds the CIN to the file when a person says so: the row, its audit and its registry update in one change', async () => {
    const untouched = state()
    const { jobId, status } = await start()
    expect(status).toMatchObject({ state: 'done', created: 0, matched: 1, held: 2 })
    expect(state()).toEqual(untouched) // nothing changes before a person decides
    expect(status.heldRows[0]).toMatchObject({
      line: 2,
      reason: 'file_without_cin',
      row: { cin: 'JE800001' },
      file: { id: fileId, cin: null },
      decision: null,
    })
    const outboxBefore = state().outbox as number
    const decided = await app
      .direct()
      .call('import.decide', { jobId, line: 2, decision: 'add_cin' })
    expect(decided).toMatchObject({ decision: 'cin_added', createdId: null, awaitsApproval: false })
    const file = await app.direct().call('artisans.get', { id: fileId })
    expect(file).toMatchObject({ cin: 'JE800001', version: 2, rnaStatus: 'identified' })
    const audit = app.db
      .prepare(
        `SELECT actor_id AS actor, before_json AS b, after_json AS a FROM audit_log
           WHERE action = 'artisan.update' AND entity_id = ?`,
      )
      .all(fileId) as { actor: string; b: string; a: string }[]
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]?.b ?? '')).toEqual({ cin: null })
    expect(JSON.parse(audit[0]?.a ?? '')).toEqual({
      cin: 'JE800001',
      source: 'import:avec-cin.csv',
    })
    const queued = app.db
      .prepare(`SELECT op, payload FROM outbox WHERE entity_id = ? ORDER BY seq DESC LIMIT 1`)
      .get(fileId) as { op: string; payload: string }
    expect(queued.op).toBe('update')
    expect(JSON.parse(queued.payload)).toEqual({
      id: fileId,
      cin: 'JE800001',
      _before: { cin: null },
    })
    expect(state().outbox).toBe(outboxBefore + 1)
    expect(verifyAuditChain(app.db).ok).toBe(true)
    // The other row wanted the same file: it has a CIN now, so no second one is added.
    await expect(
      app.direct().call('import.decide', { jobId, line: 3, decision: 'add_cin' }),
    ).rejects.toMatchObject({ data: { key: 'errors.import_held_file_has_cin' } })
    expect(cinOf(fileId)).toBe('JE800001')
    // Imported again, the list now matches the file by its CIN.
    const again = await start()
    expect(again.status).toMatchObject({ matched: 2, held: 1 })
  })

  it('waits for a supervisor when a clerk adds the CIN, as a clerk’s CIN edit does', async () => {
    const { jobId } = await start()
    const decided = await as(clerk).call('import.decide', { jobId, line: 2, decision: 'add_cin' })
    expect(decided).toMatchObject({ decision: 'cin_added', awaitsApproval: true })
    const approval = app.db
      .prepare(
        `SELECT kind, status, changed_fields_json AS changes FROM approval WHERE artisan_id = ?`,
      )
      .get(fileId) as { kind: string; status: string; changes: string }
    expect(approval).toMatchObject({ kind: 'sensitive_edit', status: 'pending' })
    expect(JSON.parse(approval.changes)).toEqual({ cin: { before: null, after: 'JE800001' } })
    // Roles are checked by the router, as for every decision.
    const officer: Actor = { id: 'user:o', name: 'Officer', roles: ['certificate_officer'] }
    await expect(
      as(officer).call('import.decide', { jobId, line: 3, decision: 'add_cin' }),
    ).rejects.toMatchObject({ data: { key: 'errors.forbidden' } })
  })

  it('registers the row as a new file instead when a person says they are different people', async () => {
    const { jobId } = await start()
    const decided = await app
      .direct()
      .call('import.decide', { jobId, line: 2, decision: 'register' })
    expect(decided).toMatchObject({ decision: 'registered' })
    const created = await app.direct().call('artisans.get', { id: decided.createdId as string })
    expect(created).toMatchObject({ cin: 'JE800001', lastNameLat: 'Tazi', rnaStatus: 'identified' })
    expect(cinOf(fileId)).toBeNull()
    expect(decisionBetween(decided.createdId as string, fileId)).toBe('not_same')
  })

  it('skips the row and writes nothing', async () => {
    const { jobId } = await start()
    const before = state()
    expect(
      await app.direct().call('import.decide', { jobId, line: 2, decision: 'skip' }),
    ).toMatchObject({ decision: 'skipped' })
    expect(state()).toEqual(before)
  })

  it('refuses a CIN that another file took meanwhile, and leaves the file as it was', async () => {
    const { jobId } = await start()
    await app
      .direct()
      .call('artisans.register', validRegistration(testCodes(app.db), { cin: 'JE800001' }))
    const before = state()
    await expect(
      app.direct().call('import.decide', { jobId, line: 2, decision: 'add_cin' }),
    ).rejects.toMatchObject({ data: { key: 'errors.cin_taken' } })
    expect(state()).toEqual(before)
  })

  it('offers no write decision from a dry run, nor adding a CIN to a file that has one', async () => {
    const { jobId, status } = await start(true)
    expect(status).toMatchObject({ dryRun: true, held: 2 })
    const before = state()
    for (const decision of ['add_cin', 'register'] as const)
      await expect(
        app.direct().call('import.decide', { jobId, line: 2, decision }),
      ).rejects.toMatchObject({ data: { key: 'errors.import_dry_run_decision' } })
    expect(state()).toEqual(before)

    // A row with another CIN than a file that has one: adding it would replace that CIN.
    const file = {
      fileName: 'autre.csv',
      text: [HEADER, 'JE999001;Fatima;Ouali;0661234567;'].join('\n'),
    }
    const preview = await app.direct().call('import.preview', file)
    const other = await app
      .direct()
      .call('import.start', { ...file, mapping: preview.mapping, language: 'fr' })
    expect((await wait(other.jobId)).heldRows[0]?.reason).toBe('other_cin')
    await expect(
      app.direct().call('import.decide', { jobId: other.jobId, line: 2, decision: 'add_cin' }),
    ).rejects.toMatchObject({
      data: { key: 'errors.import_held_file_has_cin', params: { cin: 'JE123456' } },
    })
    expect(
      app.db.prepare(`SELECT count(*) FROM artisan WHERE cin = 'JE999001'`).pluck().get(),
    ).toBe(0)
  })
})
