import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Actor } from '@shared/api/roles'
import type { SijillApp } from '../../electron/services/app'
import type { ArtisanDataExport } from '../../electron/services/artisans/data-export'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import { setUpDeskPerTest } from '../helpers/desk-per-test'
import { testCodes, validRegistration } from '../helpers/registration'

/**
 * Access requests under law 09-08: an artisan asks what the chamber holds about them; a
 * supervisor exports it as JSON (complete) or as a PDF to hand over, and the export itself
 * is recorded.
 */
let dir: string
let app: SijillApp
setUpDeskPerTest(
  (desk) => ({ app, dir } = desk),
  () => app,
)

const api = () => app.direct()
const today = new Date().toISOString().slice(0, 10)
const clerk: Actor = { id: 'user:clerk', name: 'Clerk', roles: ['clerk'] }
const supervisor: Actor = { id: 'user:supervisor', name: 'Nadia Supervisor', roles: ['supervisor'] }
const callAs = (actor: Actor, method: string, input: unknown) =>
  app.router.call({ actor, transport: 'http', auth: 'active' }, method, input)

/** A registered artisan with a path, a document, an invitation and a check-in today. */
async function artisanWithHistory(): Promise<string> {
  const codes = testCodes(app.db)
  const { id } = await api().call('artisans.register', validRegistration(codes))
  await api().call('artisans.recordStep', {
    artisanId: id,
    expectedVersion: 1,
    action: { step: 'rna_submitted', happenedOn: today },
  })
  await api().call('documents.issue', { artisanId: id, type: 'receipt' })
  const session = await api().call('sessions.plan', {
    kind: 'chamber',
    title: 'لقاء تحسيسي حول التغطية الصحية',
    startsAt: `${today}T23:00`,
    endsAt: `${today}T23:30`,
    provinceCode: codes.tiznitProvince,
    communeCode: codes.tiznitCommune,
  })
  await api().call('sessions.invite', {
    sessionId: session.id,
    filter: { communeCodes: [codes.tiznitCommune], activityCodes: [], pathTarget: 'any' },
  })
  await api().call('sessions.checkIn', { sessionId: session.id, artisanId: id })
  return id
}

function decode(base64: string): string {
  return Buffer.from(base64, 'base64').toString('utf8')
}

describe("an artisan's data export (access request, law 09-08)", () => {
  it('holds the file, its path, documents, sessions, sync state and audit rows in the JSON', async () => {
    const id = await artisanWithHistory()
    const file = await api().call('artisans.dataExport', { artisanId: id, format: 'json' })
    expect(file.mime).toBe('application/json')
    expect(file.fileName).toMatch(/JE123456.*\.json$/)
    const data = JSON.parse(decode(file.base64)) as ArtisanDataExport
    expect(data).toMatchObject({ format: 'sijill.artisan-data-export', law: '09-08' })
    expect(data.file).toMatchObject({
      id,
      cin: 'JE123456',
      firstNameAr: 'فاطمة',
      lastNameLat: 'Ouali',
      rnaStatus: 'submitted',
      evidence: { cinCopy: true, practiceAttestation: true },
    })
    expect(data.file).not.toHaveProperty('num')
    expect(data.names.commune?.fr).toBe('Tiznit')
    expect(data.path.map((e) => e.step)).toEqual(['identified', 'rna_submitted'])
    expect(data.documents).toHaveLength(1)
    expect(data.documents[0]).toMatchObject({ type: 'receipt', copy: 0 })
    expect((data.documents[0]?.content as { artisan: { cin: string } }).artisan.cin).toBe(
      'JE123456',
    )
    expect(data.sessions.invited.map((s) => s.title)).toEqual(['لقاء تحسيسي حول التغطية الصحية'])
    expect(data.sessions.attended).toEqual([
      expect.objectContaining({ title: 'لقاء تحسيسي حول التغطية الصحية', walkIn: false }),
    ])
    expect(data.sync.outbox.length).toBeGreaterThanOrEqual(2)
    expect(data.sync.outbox.every((o) => o.status === 'pending')).toBe(true)
    const actions = data.audit.map((r) => r.action)
    for (const action of [
      'artisan.register',
      'artisan.step.rna_submitted',
      'document.issue',
      'session.check_in',
      'artisan.data_export',
    ])
      expect(actions).toContain(action)
    // Rows about other things (the desk's settings) are not in it.
    expect(actions).not.toContain('settings.create')
  })

  it('is itself recorded in the audit log, who and in which format, and the chain holds', async () => {
    const id = await artisanWithHistory()
    await callAs(supervisor, 'artisans.dataExport', { artisanId: id, format: 'json' })
    await callAs(supervisor, 'artisans.dataExport', { artisanId: id, format: 'pdf' })
    const rows = app.db
      .prepare(
        `SELECT actor_id AS actorId, entity_id AS entityId, after_json AS after FROM audit_log
          WHERE action = 'artisan.data_export' ORDER BY seq`,
      )
      .all() as { actorId: string; entityId: string; after: string }[]
    expect(rows).toEqual([
      { actorId: 'user:supervisor', entityId: id, after: expect.stringContaining('"json"') },
      { actorId: 'user:supervisor', entityId: id, after: expect.stringContaining('"pdf"') },
    ])
    expect(verifyAuditChain(app.db)).toEqual({ ok: true, count: expect.any(Number) })
  })

  it('gives a PDF with the CIN, the names in Arabic and Latin letters, and the session', async () => {
    const id = await artisanWithHistory()
    const file = await api().call('artisans.dataExport', { artisanId: id, format: 'pdf' })
    expect(file.mime).toBe('application/pdf')
    const path = join(dir, file.fileName)
    writeFileSync(path, Buffer.from(file.base64, 'base64'))
    if (process.env.KEEP_PDF)
      writeFileSync(join(process.env.KEEP_PDF, file.fileName), Buffer.from(file.base64, 'base64'))
    const text = execFileSync('pdftotext', ['-raw', path, '-']).toString('utf8')
    expect(text).toContain('JE123456')
    expect(text).toContain('Fatima Ouali')
    // pdftotext gives Arabic words back in logical order when they are shaped right to left.
    for (const word of ['فاطمة', 'أوعلي', 'التغطية', 'الصحية']) expect(text).toContain(word)
    expect(text).toMatch(/R-09-\d{4}-[0-9A-F]{4}-000001/)
    // Days as every paper writes them: the birth date, the step and the session today.
    const [y, m, d] = today.split('-')
    expect(text).toContain('14/03/1978')
    expect(text).toContain(`${d}/${m}/${y}`)
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/)
  })

  it('refuses a clerk, and records nothing', async () => {
    const id = await artisanWithHistory()
    const before = app.db.prepare('SELECT count(*) FROM audit_log').pluck().get()
    const result = await callAs(clerk, 'artisans.dataExport', { artisanId: id, format: 'json' })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        key: 'errors.forbidden',
        params: { method: 'artisans.dataExport' },
      },
    })
    expect(app.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before)
  })

  it('says an unknown artisan is not found, and records nothing', async () => {
    const before = app.db.prepare('SELECT count(*) FROM audit_log').pluck().get()
    const result = await callAs(supervisor, 'artisans.dataExport', {
      artisanId: 'no-such-artisan',
      format: 'pdf',
    })
    expect(result).toMatchObject({ ok: false, error: { key: 'errors.artisan_not_found' } })
    expect(app.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before)
  })
})
