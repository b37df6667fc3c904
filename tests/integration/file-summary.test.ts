import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IdentificationSchema } from '@shared/artisans/identification'
import type { PathActionInput } from '@shared/artisans/path-action'
import type { SijillApp } from '../../electron/services/app'
import { runCli } from '../../electron/cli/run-cli'
import { writeIdentified } from '../../electron/services/artisans/identify'
import { setUpDeskPerTest } from '../helpers/desk-per-test'
import { openTestDesk } from '../helpers/temp-desk'
import { testCodes, validRegistration } from '../helpers/registration'

let dir: string
let app: SijillApp
setUpDeskPerTest(
  (desk) => ({ app, dir } = desk),
  () => app,
)

const api = () => app.direct()
const A4_HEIGHT = 841.89

/** The section headings of the fiche, as French prints them. */
const HEADINGS = ['Identité', 'Métier', 'Parcours', 'Pièces reçues']

/**
 * Page by page (pdftotext -f N -l N): the lines in reading order, the footer left out,
 * and for each heading the rows printed under it on the same page (their French labels
 * start at the left margin, as the heading does).
 */
function pagesOf(file: string, pages: number) {
  return Array.from({ length: pages }, (_, i) => {
    const n = String(i + 1)
    const lines = execFileSync('pdftotext', ['-f', n, '-l', n, '-layout', file, '-'])
      .toString('utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/page \d+ \/ \d+/.test(l))
    const html = execFileSync('pdftotext', ['-f', n, '-l', n, '-bbox', file, '-']).toString('utf8')
    const words = [...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      text: m[3] ?? '',
    }))
    const starts = [...new Set(words.filter((w) => w.x < 45).map((w) => Math.round(w.y)))]
    const rowsUnder = (heading: string) => {
      const first = heading.split(' ')[0] ?? heading
      const at = words.find((w) => w.x < 45 && w.text === first)
      return at ? starts.filter((y) => y > Math.round(at.y) + 2).length : null
    }
    return { lines, rowsUnder }
  })
}

/** The PDF's text, its pages, and every word with its box (pdftotext -bbox). */
function readPdf(base64: string, name: string) {
  const file = join(dir, name)
  writeFileSync(file, Buffer.from(base64, 'base64'))
  // KEEP_PDF=DIR keeps a copy of each PDF, to look at.
  if (process.env.KEEP_PDF)
    writeFileSync(join(process.env.KEEP_PDF, name), Buffer.from(base64, 'base64'))
  const text = execFileSync('pdftotext', ['-raw', file, '-']).toString('utf8')
  const pageTexts = text.split('\f').filter((p) => p.trim())
  const boxes = execFileSync('pdftotext', ['-bbox', file, '-']).toString('utf8')
  const yMax = [...boxes.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1]))
  return { text, pageTexts, yMax }
}

async function walk(id: string, steps: PathActionInput[]) {
  let version = 1
  for (const action of steps) {
    await api().call('artisans.recordStep', { artisanId: id, expectedVersion: version, action })
    version++
  }
}

/** The test file, with a second activity and phone, five steps along its path. */
async function registerWalked() {
  const codes = testCodes(app.db)
  const { id } = await api().call(
    'artisans.register',
    validRegistration(codes, { secondaryActivities: [codes.pottery], phone2: '0522 11 22 33' }),
  )
  await walk(id, [
    { step: 'rna_submitted', happenedOn: '2026-01-05' },
    { step: 'rna_registered', happenedOn: '2026-01-10', nia: '0900001234' },
    { step: 'cnss_pre_registered', happenedOn: '2026-02-01', cnssNumber: '123456789' },
    { step: 'amo_covered', happenedOn: '2026-03-01' },
    { step: 'bank_opened', happenedOn: '2026-03-15', bank: 'al_barid_bank' },
  ])
  return id
}

describe('the artisan file summary (fiche)', () => {
  it('holds the whole file in both languages, numbered and recorded, to sign', async () => {
    const id = await registerWalked()
    const printed = await api().call('documents.issue', { artisanId: id, type: 'summary' })
    expect(printed.number).toMatch(/^F-09-\d{4}-[0-9A-F]{4}-000001$/)
    const pdf = readPdf(printed.base64, printed.fileName)
    for (const expected of [
      'Fiche du dossier',
      'JE123456',
      '0900001234',
      'Fatima Ouali',
      'Poterie',
      'CNSS 123456789',
      'Al Barid',
      'Couverture AMO',
      '15/03/2026',
      'page 1 / ',
      'Signature de l',
      printed.number,
    ])
      expect(pdf.text).toContain(expected)
    const list = await api().call('documents.list', { artisanId: id })
    expect(list).toMatchObject([{ number: printed.number, type: 'summary', copy: 0 }])
  })

  it('fits an ordinary file on one page, and is refused to no one on the path', async () => {
    const input = IdentificationSchema.parse({
      cin: 'JB998877',
      firstNameAr: 'سعيد',
      lastNameAr: 'أمزيان',
      firstNameLat: 'Said',
      lastNameLat: 'Amzian',
      phone: '0661000000',
    })
    const { id } = app.db.transaction(() => writeIdentified(app.db, app.actor(), input, 'test'))()
    const printed = await api().call('documents.issue', { artisanId: id, type: 'summary' })
    const pdf = readPdf(printed.base64, 'identified.pdf')
    expect(pdf.pageTexts).toHaveLength(1)
    expect(pdf.text).toContain('page 1 / 1')
    expect(pdf.text).toContain('Said Amzian')
  })

  it('runs over several pages when the file is long, never past the foot of a page', async () => {
    const codes = testCodes(app.db)
    const long = (word: string, n: number) => Array.from({ length: n }, () => word).join(' ')
    const { id } = await api().call(
      'artisans.register',
      validRegistration(codes, {
        actorType: 'cooperative',
        organisationName: long('Coopérative des tisserandes', 6),
        organisationLegalId: 'RC 12345 Tiznit',
        address: long('دوار إداوكنظيف جماعة تافراوت', 10).slice(0, 300),
        workplaceAddress: long('Atelier collectif route de Tafraout', 8).slice(0, 300),
        qualificationDetail: long('Formation au tissage du tapis amazigh', 5).slice(0, 200),
      }),
    )
    const steps: PathActionInput[] = []
    for (let day = 10; day < 28; day++)
      steps.push(
        { step: 'bank_referred', happenedOn: `2026-01-${day}`, bank: 'cam' },
        { step: 'other_cover', happenedOn: `2026-01-${day}`, scheme: 'Mutuelle' },
      )
    await walk(id, steps)
    const printed = await api().call('documents.issue', { artisanId: id, type: 'summary' })
    const pdf = readPdf(printed.base64, 'long.pdf')
    expect(pdf.pageTexts.length).toBeGreaterThanOrEqual(2)
    pdf.pageTexts.forEach((page, i) =>
      expect(page).toContain(`page ${i + 1} / ${pdf.pageTexts.length}`),
    )
    // Each page after the first says whose file it is; the signatures come last.
    expect(pdf.pageTexts[1]).toContain('Fatima Ouali')
    expect(pdf.pageTexts.at(-1)).toContain('Signature de l')
    expect(pdf.text.match(/2\d\/01\/2026/g)?.length).toBeGreaterThanOrEqual(16)
    expect(Math.max(...pdf.yMax)).toBeLessThan(A4_HEIGHT - 20)
  })

  it('fits a file of about six steps and a few papers on one A4 page', async () => {
    const id = await registerWalked()
    const printed = await api().call('documents.issue', { artisanId: id, type: 'summary' })
    const pdf = readPdf(printed.base64, 'ordinary.pdf')
    expect(pdf.pageTexts).toHaveLength(1)
    expect(pdf.text).toContain('page 1 / 1')
    // Every step of the path is there, dated, with what it recorded; then the signatures.
    for (const expected of ['05/01/2026', '10/01/2026', 'CNSS 123456789', '01/03/2026'])
      expect(pdf.text).toContain(expected)
    expect(pdf.text).toContain('Barid Bank')
    expect(pdf.text).toContain('Signature de l')
    expect(Math.max(...pdf.yMax)).toBeLessThan(A4_HEIGHT - 20)
  })

  it('never ends a page with a heading: each keeps at least two of its rows, however long the path', async () => {
    const codes = testCodes(app.db)
    const { id } = await api().call(
      'artisans.register',
      validRegistration(codes, { address: 'دوار إداوكنظيف جماعة تافراوت إقليم تيزنيت' }),
    )
    let version = 1
    const seen = new Set<number>()
    // One more step each time: the headings below the path move down a row at a time,
    // across the foot of the first page and onto the next.
    for (let steps = 0; steps < 30; steps++) {
      await api().call('artisans.recordStep', {
        artisanId: id,
        expectedVersion: version++,
        action: { step: 'bank_referred', happenedOn: '2026-02-01', bank: 'cam' },
      })
      const printed = await api().call('documents.issue', { artisanId: id, type: 'summary' })
      const file = join(process.env.KEEP_PDF ?? dir, `steps-${steps}.pdf`)
      writeFileSync(file, Buffer.from(printed.base64, 'base64'))
      const count = readPdf(printed.base64, `steps-${steps}.pdf`).pageTexts.length
      seen.add(count)
      pagesOf(file, count).forEach((page, i) => {
        const last = page.lines.at(-1) ?? ''
        for (const heading of HEADINGS) {
          expect(last.startsWith(heading), `${steps} steps, page ${i + 1} ends: ${last}`).toBe(
            false,
          )
          const rows = page.rowsUnder(heading)
          if (rows !== null)
            expect(rows, `${steps} steps, page ${i + 1}: ${heading}`).toBeGreaterThanOrEqual(2)
        }
      })
    }
    expect([...seen]).toEqual(expect.arrayContaining([1, 2]))
  })

  it('prints from the command line by NIA', async () => {
    const { id } = await api().call('artisans.register', validRegistration(testCodes(app.db)))
    await walk(id, [{ step: 'rna_registered', happenedOn: '2026-01-10', nia: '0900001234' }])
    app.close()
    const out: string[] = []
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }
    const file = join(dir, 'fiche.pdf')
    const args = ['--data-dir', dir, 'file-summary', '--nia', '0900001234', '--out', file]
    expect(await runCli(args, io)).toBe(0)
    expect(out.at(-1)).toMatch(/^F-09-.* written to /)
    expect(execFileSync('pdftotext', [file, '-']).toString()).toContain('0900001234')
    app = openTestDesk(dir)
  })
})
