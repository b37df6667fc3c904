import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import type { SijillApp } from '../../electron/services/app'
import { parseCsv } from '../../electron/services/import/csv'
import { guessMapping } from '../../electron/services/import/columns'
import { importRows } from '../../electron/services/import/run-import'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'
import { testCodes, validRegistration, type TestCodes } from '../helpers/registration'

let cleanup: () => void
let app: SijillApp
let codes: TestCodes
beforeEach(async () => {
  let dir: string
  ;({ dir, cleanup } = tempDir())
  app = openTestDesk(dir)
  await app.direct().call('setup.complete', VALID_SETUP)
  codes = testCodes(app.db)
})
afterEach(() => {
  app.close()
  cleanup()
})

const api = () => app.direct()
const lastRow = (table: string) =>
  app.db.prepare(`SELECT * FROM ${table} ORDER BY rowid DESC LIMIT 1`).get() as Record<
    string,
    string
  >
const wordCount = (word: string) =>
  app.db.prepare('SELECT n FROM name_word_count WHERE word = ?').pluck().get(word) ?? 0

describe('correcting an artisan file', () => {
  it('saves the correction, audits and queues only what changed, and moves the name index', async () => {
    const { id } = await api().call('artisans.register', validRegistration(codes))
    const opened = await api().call('artisans.get', { id })
    const result = await api().call('artisans.update', {
      ...validRegistration(codes, {
        lastNameLat: 'Amrani',
        lastNameAr: 'العمراني',
        phone: '0670 00 00 00',
      }),
      id,
      expectedVersion: opened.version,
    })
    expect(result).toEqual({ id, version: opened.version + 1 })
    const file = await api().call('artisans.get', { id })
    expect(file).toMatchObject({
      lastNameLat: 'Amrani',
      lastNameAr: 'العمراني',
      phone: '+212670000000',
    })
    expect(file.consentAt).toBe(opened.consentAt)

    const audit = lastRow('audit_log')
    expect(audit.action).toBe('artisan.update')
    expect(JSON.parse(audit.before_json ?? '')).toEqual({
      lastNameAr: 'أوعلي',
      lastNameLat: 'Ouali',
      phone: '+212661234567',
    })
    expect(JSON.parse(audit.after_json ?? '')).toEqual({
      lastNameAr: 'العمراني',
      lastNameLat: 'Amrani',
      phone: '+212670000000',
    })
    const outbox = lastRow('outbox')
    expect(outbox).toMatchObject({ op: 'update', entity_id: id })
    // The values before stay on the desk (sync tells a real conflict from another change).
    expect(JSON.parse(outbox.payload ?? '')).toEqual({
      id,
      lastNameAr: 'العمراني',
      lastNameLat: 'Amrani',
      phone: '+212670000000',
      _before: { lastNameAr: 'أوعلي', lastNameLat: 'Ouali', phone: '+212661234567' },
    })
    expect(verifyAuditChain(app.db).ok).toBe(true)

    const found = async (q: string) =>
      (await api().call('artisans.search', { query: q })).items.map((a) => a.id)
    expect(await found('Fatima Amrani')).toEqual([id])
    expect(await found('العمراني')).toEqual([id])
    expect(await found('Fatima Ouali')).toEqual([])
    expect(wordCount('amrani')).toBe(1)
    expect(wordCount('ouali')).toBe(0)
  })

  it('refuses a file changed meanwhile, and a CIN that belongs to someone else', async () => {
    const { id } = await api().call('artisans.register', validRegistration(codes))
    await api().call(
      'artisans.register',
      validRegistration(codes, { cin: 'JE654321', phone: '0662000000' }),
    )
    const { version } = await api().call('artisans.get', { id })
    await api().call('artisans.update', {
      ...validRegistration(codes, { notes: 'one' }),
      id,
      expectedVersion: version,
    })
    await expect(
      api().call('artisans.update', {
        ...validRegistration(codes, { notes: 'two' }),
        id,
        expectedVersion: version,
      }),
    ).rejects.toMatchObject({ data: { code: 'conflict', key: 'errors.stale_file' } })
    await expect(
      api().call('artisans.update', {
        ...validRegistration(codes, { cin: 'je 654321' }),
        id,
        expectedVersion: version + 1,
      }),
    ).rejects.toMatchObject({ data: { code: 'conflict', key: 'errors.cin_taken' } })
    expect((await api().call('artisans.get', { id })).notes).toBe('one')
  })

  it('completes a file that was only identified: it then waits for RNA submission', async () => {
    const rows = parseCsv('CIN;Prénom;Nom;Téléphone\nJE123456;Fatima;Ouali;0661234567')
    const summary = await importRows(app.db, app.actor(), rows, guessMapping(rows[0] ?? []), {
      source: 'import:list.csv',
    })
    const id = summary.rows[0]?.id as string
    const identified = await api().call('artisans.get', { id })
    expect(identified).toMatchObject({ rnaStatus: 'identified', consentAt: null })
    await api().call('artisans.update', {
      ...validRegistration(codes),
      id,
      expectedVersion: identified.version,
    })
    const file = await api().call('artisans.get', { id })
    expect(file.rnaStatus).toBe('pending')
    expect(file.consentAt).not.toBeNull()
    expect(lastRow('audit_log').action).toBe('artisan.complete')
    expect(wordCount('fatima')).toBe(1)
  })

  it('checks the same rules as a registration, field by field', async () => {
    const { id } = await api().call('artisans.register', validRegistration(codes))
    await expect(
      api().call('artisans.update', {
        ...validRegistration(codes, { phone: '12', mainActivity: 'ZZ.99' }),
        id,
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({
      data: { code: 'validation', fields: [expect.objectContaining({ path: 'phone' })] },
    })
  })
})
