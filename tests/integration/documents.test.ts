import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
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
      { actor: { id: 'o', name: 'Organiser', roles: ['session_organiser'] }, transport: 'direct' },
      'documents.issue',
      { artisanId: id, type: 'receipt' },
    )
    expect(asOrganiser).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})
