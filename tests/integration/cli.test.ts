import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readXlsx } from '../../electron/services/spreadsheet/xlsx-read'
import { runCli } from '../../electron/cli/run-cli'
import { LATEST_SCHEMA_VERSION } from '../../electron/services/database/migrations'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', dir, ...argv], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

async function setUpDesk(): Promise<void> {
  const app = openTestDesk(dir)
  await app.direct().call('setup.complete', VALID_SETUP)
  app.close()
}

describe('the command line', () => {
  it('--help lists the commands and exits 0', async () => {
    const { code, out } = await cli('--help')
    expect(code).toBe(0)
    expect(out).toMatch(/^\s+info\s/m)
    expect(out).toMatch(/^\s+settings\s/m)
  })

  it('an unknown command or no command is a usage error (exit 2)', async () => {
    expect((await cli('frobnicate')).code).toBe(2)
    expect((await cli('frobnicate')).err).toContain('Unknown command "frobnicate"')
    expect((await cli()).code).toBe(2)
  })

  it('info prints versions, data folder, schema version and row counts', async () => {
    const { code, out } = await cli('info', '--json')
    expect(code).toBe(0)
    const info = JSON.parse(out)
    expect(info).toMatchObject({
      dataDir: dir,
      schemaVersion: LATEST_SCHEMA_VERSION,
      transport: 'direct',
    })
    expect(info.counts.regions).toBe(12)
    expect(info.sqlite).toMatch(/^3\.\d+/)
  })

  it('settings get before setup explains, in French by default or in Arabic on request', async () => {
    const fr = await cli('settings', 'get')
    expect(fr.code).toBe(1)
    expect(fr.err).toBe("Le poste doit d'abord être configuré.")
    const ar = await cli('--lang', 'ar', 'settings', 'get')
    expect(ar.err).toBe('يجب إعداد المكتب أولًا.')
  })

  it('settings set validates like the Settings screen and audits the change', async () => {
    await setUpDesk()
    const bad = await cli('settings', 'set', 'chamber.phone', '12')
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('chamber.phone: Numéro marocain non valide')

    expect((await cli('settings', 'set', 'chamber.phone', '+212 6 61 00 00 00')).code).toBe(0)
    expect((await cli('settings', 'get', 'chamber.phone')).out).toBe('+212661000000')
    expect((await cli('settings', 'set', 'language', 'fr')).code).toBe(0)
    expect((await cli('settings', 'get', 'language')).out).toBe('fr')

    const app = openTestDesk(dir)
    const audited = app.db
      .prepare(`SELECT entity_id FROM audit_log WHERE action = 'settings.update' ORDER BY seq`)
      .pluck()
      .all()
    app.close()
    expect(audited).toEqual(['chamber.profile', 'desk.language'])
  })

  it('seeds, searches and exports the register', async () => {
    await setUpDesk()
    const seeded = await cli('seed', '--artisans', '500', '--seed', '3')
    expect(seeded).toMatchObject({ code: 0 })
    expect(seeded.out).toMatch(/^500 artisans added in/)
    const app = openTestDesk(dir)
    const cin = app.db
      .prepare('SELECT cin FROM artisan ORDER BY num LIMIT 1')
      .pluck()
      .get() as string
    app.close()
    const search = await cli('search', cin.toLowerCase())
    expect(search.code).toBe(0)
    expect(search.out).toMatch(new RegExp(`^cin: 1 found in [\\d.]+ ms\\n  ${cin} `))
    const out = `${dir}/all.csv`
    const exported = await cli('export', '--format', 'csv', '--out', out, '--region', '09')
    expect(exported.code).toBe(0)
    expect(exported.out).toMatch(new RegExp(`^\\d+ artisans written to ${out}$`))
    const xlsx = `${dir}/all.xlsx`
    const asXlsx = await cli('export', '--format', 'xlsx', '--out', xlsx, '--region', '09')
    expect(asXlsx.out).toBe(exported.out.replace(out, xlsx))
    const sheet = readXlsx(readFileSync(xlsx))
    expect(sheet.length - 1).toBe(Number(/^\d+/.exec(exported.out)?.[0]))
    expect(sheet[0]?.[0]).toBe('CIN')
    expect((await cli('export', '--format', 'pdf', '--out', out)).code).toBe(2)
    expect((await cli('export', '--out', out, '--rna-status', 'famous')).code).toBe(2)
    expect((await cli('seed', '--artisans', '0')).code).toBe(2)
  })

  it('settings with a wrong key or shape is a usage error naming what is allowed', async () => {
    await setUpDesk()
    const unknownKey = await cli('settings', 'set', 'colour', 'blue')
    expect(unknownKey.code).toBe(2)
    expect(unknownKey.err).toContain('Settable: language, deskName')
    expect((await cli('settings', 'set', 'language', 'de')).code).toBe(2)
    expect((await cli('settings', 'delete')).code).toBe(2)
  })
})
