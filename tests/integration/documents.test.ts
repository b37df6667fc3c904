import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { runCli } from '../../electron/cli/run-cli'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'
import { testCodes, validRegistration } from '../helpers/registration'

let dir: string
let cleanup: () => void
let app: SijillApp
beforeEach(async () => {
  ;({ dir, cleanup } = tempDir())
  app = openTestDesk(dir)
  await app.direct().call('setup.complete', VALID_SETUP)
})
afterEach(() => {
  app.close()
  cleanup()
})

const api = () => app.direct()
/** The PDF written to disk, its text as pdftotext reads it, and its page count. */
function readPdf(base64: string, name: string) {
  const file = join(dir, name)
  writeFileSync(file, Buffer.from(base64, 'base64'))
  const text = execFileSync('pdftotext', ['-raw', file, '-']).toString('utf8')
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1])
  return { file, text, pages }
}

describe('deposit receipts', () => {
  it('prints a numbered bilingual receipt on one page, records it, and lists it on the file', async () => {
    const { id } = await api().call('artisans.register', validRegistration(testCodes(app.db)))
    const printed = await api().call('documents.issue', { artisanId: id, type: 'receipt' })
    expect(printed.number).toMatch(/^R-09-\d{4}-[0-9A-F]{4}-000001$/)
    expect(printed.copy).toBe(0)
    expect(printed.warnings).toEqual([])
    const pdf = readPdf(printed.base64, printed.fileName)
    expect(pdf.pages).toBe(1)
    expect(pdf.text).toContain('Récépissé de dépôt')
    expect(pdf.text).toContain('JE123456')
    expect(pdf.text).toContain(printed.number)
    expect(pdf.text).toContain('Fatima Ouali')
    expect(Buffer.from(printed.base64, 'base64').length).toBeLessThan(120_000)

    const second = await api().call('documents.issue', { artisanId: id, type: 'receipt' })
    expect(second.number.endsWith('-000002')).toBe(true)
    const list = await api().call('documents.list', { artisanId: id })
    expect(list.map((d) => d.number)).toEqual([second.number, printed.number])
    expect(verifyAuditChain(app.db).ok).toBe(true)
  })

  it('reprints as a marked duplicata of the same number, and refuses to reprint a cancelled one', async () => {
    const { id } = await api().call('artisans.register', validRegistration(testCodes(app.db)))
    const original = await api().call('documents.issue', { artisanId: id, type: 'receipt' })
    const copy = await api().call('documents.reprint', { id: original.id })
    expect(copy).toMatchObject({ number: original.number, copy: 1 })
    expect(readPdf(copy.base64, copy.fileName).text).toContain('DUPLICATA')
    expect(readPdf(original.base64, original.fileName).text).not.toContain('DUPLICATA')
    await api().call('documents.cancel', { id: original.id, reason: 'Nom mal orthographié' })
    const list = await api().call('documents.list', { artisanId: id })
    expect(list.every((d) => d.cancelReason === 'Nom mal orthographié')).toBe(true)
    await expect(api().call('documents.reprint', { id: copy.id })).rejects.toMatchObject({
      data: { key: 'errors.document_cancelled' },
    })
  })

  it('prints without a logo that cannot be read, and says so', async () => {
    const { id } = await api().call('artisans.register', validRegistration(testCodes(app.db)))
    const corrupt = `data:image/png;base64,${Buffer.from('not really a png').toString('base64')}`
    app.db
      .prepare(
        `UPDATE settings SET value = json_set(value, '$.logo', ?) WHERE key = 'chamber.profile'`,
      )
      .run(corrupt)
    const printed = await api().call('documents.issue', { artisanId: id, type: 'receipt' })
    expect(printed.warnings).toEqual(['errors.logo_unreadable'])
    expect(readPdf(printed.base64, 'no-logo.pdf').pages).toBe(1)
  })

  it('refuses a receipt for an artisan already registered in the RNA; roles are checked', async () => {
    const { id } = await api().call('artisans.register', validRegistration(testCodes(app.db)))
    await api().call('artisans.recordStep', {
      artisanId: id,
      expectedVersion: 1,
      action: { step: 'rna_registered', happenedOn: '2026-01-10', nia: '0900001234' },
    })
    await expect(
      api().call('documents.issue', { artisanId: id, type: 'receipt' }),
    ).rejects.toMatchObject({
      data: { key: 'errors.receipt_registered' },
    })
    const asOrganiser = await app.router.call(
      {
        actor: { id: 'o', name: 'Organiser', roles: ['session_organiser'] },
        transport: 'direct',
        auth: 'active',
      },
      'documents.issue',
      { artisanId: id, type: 'receipt' },
    )
    expect(asOrganiser).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})

describe('a name the fonts cannot draw', () => {
  it('is refused before anything is recorded', async () => {
    const { id } = await api().call('artisans.register', validRegistration(testCodes(app.db)))
    app.db.prepare(`UPDATE artisan SET last_name_lat = 'Ouali 中' WHERE id = ?`).run(id)
    await expect(
      api().call('documents.issue', { artisanId: id, type: 'receipt' }),
    ).rejects.toMatchObject({
      data: { key: 'errors.glyph_missing', params: { char: '中' } },
    })
    expect(await api().call('documents.list', { artisanId: id })).toEqual([])
  })
})

describe('registration certificates', () => {
  const registered = async () => {
    const { id } = await api().call('artisans.register', validRegistration(testCodes(app.db)))
    await api().call('artisans.recordStep', {
      artisanId: id,
      expectedVersion: 1,
      action: { step: 'rna_registered', happenedOn: '2026-01-10', nia: '0900001234' },
    })
    return id
  }
  const qrOf = (documentId: string) =>
    (
      JSON.parse(
        app.db
          .prepare('SELECT content_json FROM document WHERE id = ?')
          .pluck()
          .get(documentId) as string,
      ) as { qr: string }
    ).qr

  it('prints only once the NIA is assigned: one page, fonts subset, under 60 KB, the NIA on it', async () => {
    const { id: pending } = await api().call(
      'artisans.register',
      validRegistration(testCodes(app.db), { cin: 'JE765432', phone: '0662765432' }),
    )
    await expect(
      api().call('documents.issue', { artisanId: pending, type: 'certificate' }),
    ).rejects.toMatchObject({ data: { key: 'errors.certificate_needs_nia' } })
    const id = await registered()
    const printed = await api().call('documents.issue', { artisanId: id, type: 'certificate' })
    expect(printed.number).toMatch(/^A-09-\d{4}-[0-9A-F]{4}-000001$/)
    const pdf = readPdf(printed.base64, printed.fileName)
    expect(pdf.pages).toBe(1)
    expect(pdf.text).toContain("Attestation d'inscription au Registre National de l'Artisanat")
    expect(pdf.text).toContain('0900001234')
    expect(Buffer.from(printed.base64, 'base64').length).toBeLessThan(60_000)
    expect(
      app.db.prepare('SELECT certificate_issued_at FROM artisan WHERE id = ?').pluck().get(id),
    ).not.toBeNull()
  })

  it('carries a signed QR that verifies offline; a tampered, unknown or cancelled one is reported', async () => {
    const id = await registered()
    const printed = await api().call('documents.issue', { artisanId: id, type: 'certificate' })
    const qr = qrOf(printed.id)
    expect(qr).toMatch(/^SJL1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    expect(await api().call('documents.verify', { text: `  ${qr}\n` })).toMatchObject({
      status: 'valid',
      number: printed.number,
      nia: '0900001234',
      name: 'Fatima Ouali',
    })
    const [prefix, body, signature] = qr.split('.') as [string, string, string]
    const forged = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, string>
    forged.nia = '0900009999'
    const tampered = `${prefix}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`
    expect(await api().call('documents.verify', { text: tampered })).toEqual({
      status: 'invalid',
      reason: 'signature',
    })
    expect((await api().call('documents.verify', { text: 'hello' })).reason).toBe('format')
    forged.k = 'K00000000'
    const unknown = `${prefix}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`
    expect((await api().call('documents.verify', { text: unknown })).reason).toBe('unknown_key')

    // A duplicata carries the same code; cancelling the document makes the code say so.
    const copy = await api().call('documents.reprint', { id: printed.id })
    expect(qrOf(copy.id)).toBe(qr)
    await api().call('documents.cancel', { id: printed.id, reason: 'Perdue, remplacée' })
    expect(await api().call('documents.verify', { text: qr })).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Perdue, remplacée',
    })
  })

  it('verifies and prints from the command line: exit 0 when done, 1 when refused', async () => {
    const id = await registered()
    const printed = await api().call('documents.issue', { artisanId: id, type: 'certificate' })
    const qr = qrOf(printed.id)
    app.close()
    const out: string[] = []
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }
    expect(await runCli(['--data-dir', dir, 'verify', qr], io)).toBe(0)
    expect(out[0]).toBe('valid: Attestation authentique')
    expect(out[1]).toContain('NIA 0900001234')
    expect(await runCli(['--data-dir', dir, 'verify', `${qr}x`], io)).toBe(1)
    expect(out.at(-1)).toContain('La signature ne correspond pas')

    const file = join(dir, 'attestation.pdf')
    expect(
      await runCli(['--data-dir', dir, 'certificate', '--nia', '0900001234', '--out', file], io),
    ).toBe(0)
    expect(out.at(-1)).toMatch(/^A-09-\d{4}-[0-9A-F]{4}-000002 written to /)
    expect(execFileSync('pdftotext', ['-raw', file, '-']).toString()).toContain('0900001234')
    expect(await runCli(['--data-dir', dir, 'receipt', '--artisan', id, '--out', file], io)).toBe(1)
    expect(out.at(-1)).toContain("on lui imprime l'attestation")
    expect(await runCli(['--data-dir', dir, 'receipt', '--out', file], io)).toBe(2)
    app = openTestDesk(dir)
  })

  it('rotates the signing key: old certificates still verify, new ones name the new key', async () => {
    const id = await registered()
    const first = await api().call('documents.issue', { artisanId: id, type: 'certificate' })
    const [before] = await api().call('signing.keys', {})
    const { id: newKey } = await api().call('signing.rotate', {})
    expect(newKey).not.toBe(before?.id)
    const second = await api().call('documents.issue', { artisanId: id, type: 'certificate' })
    expect((await api().call('documents.verify', { text: qrOf(first.id) })).keyId).toBe(before?.id)
    expect((await api().call('documents.verify', { text: qrOf(second.id) })).keyId).toBe(newKey)
    const keys = await api().call('signing.keys', {})
    expect(keys.map((k) => [k.id, k.retiredAt === null])).toEqual([
      [newKey, true],
      [before?.id, false],
    ])
    const asClerk = await app.router.call(
      { actor: { id: 'c', name: 'Clerk', roles: ['clerk'] }, transport: 'direct', auth: 'active' },
      'signing.rotate',
      {},
    )
    expect(asClerk).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})

describe('batch printing of certificates', () => {
  it('prints the artisans registered since a date without a certificate into one PDF, a page each, with progress', async () => {
    const codes = testCodes(app.db)
    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      const { id } = await api().call(
        'artisans.register',
        validRegistration(codes, { cin: `JE70000${i}`, phone: `066270000${i}` }),
      )
      await api().call('artisans.recordStep', {
        artisanId: id,
        expectedVersion: 1,
        action: { step: 'rna_registered', happenedOn: `2026-0${i + 1}-10`, nia: `090000500${i}` },
      })
      ids.push(id)
    }
    await api().call('documents.issue', { artisanId: ids[3] as string, type: 'certificate' })
    const selection = { registeredSince: '2026-02-01', withoutCertificate: true }
    expect(await api().call('documents.batchCount', selection)).toEqual({ count: 2, max: 5000 })
    const { jobId, total } = await api().call('documents.batchStart', selection)
    expect(total).toBe(2)
    let status = await api().call('documents.batchStatus', { jobId })
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 20))
      status = await api().call('documents.batchStatus', { jobId })
    }
    expect(status).toEqual({ state: 'done', done: 2, total: 2 })
    const file = await api().call('documents.batchFile', { jobId })
    const pdf = readPdf(file.base64, file.fileName)
    expect(pdf.pages).toBe(2)
    expect(pdf.text).toContain('0900005001')
    expect(pdf.text).toContain('0900005002')
    expect(pdf.text).not.toContain('0900005000')
    // Printed once: the next batch for the same dates is empty.
    expect((await api().call('documents.batchCount', selection)).count).toBe(0)
    const all = { ...selection, withoutCertificate: false }
    expect((await api().call('documents.batchCount', all)).count).toBe(3)

    app.close()
    const out: string[] = []
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }
    const target = join(dir, 'lot.pdf')
    const cli = ['--data-dir', dir, 'batch', '--registered-since', '2026-01-01', '--out', target]
    expect(await runCli(cli, io)).toBe(0)
    expect(out.at(-1)).toBe(`1 certificates written to ${target}`)
    expect(readPdf(readFileSync(target).toString('base64'), 'lot-copy.pdf').pages).toBe(1)
    expect(await runCli([...cli, '--all'], io)).toBe(0)
    expect(out.at(-1)).toBe(`4 certificates written to ${target}`)
    expect(await runCli(['--data-dir', dir, 'batch', '--out', target], io)).toBe(2)
    app = openTestDesk(dir)
  })
})
