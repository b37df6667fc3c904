import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { setUpDeskPerTest } from '../helpers/desk-per-test'
import { testCodes, validRegistration } from '../helpers/registration'

/**
 * Every printed document writes a day as `dd/mm/yyyy` with Western digits (issue 15): the
 * counter's papers, the session materials in Arabic, Tifinagh and French, the report to the
 * ministry, the access-request export and the recovery-code sheet. Each is read back with
 * pdftotext: the known days come out `14/03/1985`-style, and no day is left as ISO
 * (`1985-03-14`), without its year (`14/03`) or with a month's name (`14 mars 1985`).
 */
let dir: string
let app: SijillApp
setUpDeskPerTest(
  (desk) => ({ app, dir } = desk),
  () => app,
)
const api = () => app.direct()

const BIRTH = '1985-03-14'
const REGISTERED = '2026-03-14'
const SESSION_DAY = '2030-03-14'
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
const localToday = () => {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Month names, long and short, as Intl writes them in the languages documents print. */
const MONTHS = [
  ...new Set(
    ['fr-MA', 'ar-MA', 'zgh', 'en'].flatMap((locale) =>
      (['long', 'short'] as const).flatMap((month) =>
        Array.from({ length: 12 }, (_, i) =>
          new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' })
            .format(new Date(Date.UTC(2026, i, 15)))
            .replace(/\.$/, ''),
        ),
      ),
    ),
  ),
]
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const MONTH = MONTHS.map(escape).join('|')
/** A day number next to a month's name, on one line, in either order (Arabic comes out reversed). */
const DAY_AND_MONTH = new RegExp(
  `(?<!\\d)\\d{1,2}[ \\u00a0]+(?:${MONTH})(?!\\p{L})|(?<!\\p{L})(?:${MONTH})[ \\u00a0]+\\d{1,2}(?!\\d)`,
  'u',
)
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/
const DAY_WITHOUT_YEAR = /(?<![\d/])\d{2}\/\d{2}(?![\d/])/

interface Printed {
  fileName: string
  base64: string
}

/** The PDF's text as pdftotext reads it, isolates and embedding marks removed. */
function textOf(file: Printed, name = file.fileName): string {
  const path = join(dir, name)
  writeFileSync(path, Buffer.from(file.base64, 'base64'))
  if (process.env.KEEP_PDF)
    writeFileSync(join(process.env.KEEP_PDF, name), Buffer.from(file.base64, 'base64'))
  return execFileSync('pdftotext', ['-raw', path, '-'])
    .toString('utf8')
    .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
}

function expectDaysOnly(name: string, text: string, days: string[]): void {
  for (const day of days) expect(text, `${name}: ${day}`).toContain(dmy(day))
  expect(text, `${name}: an ISO day`).not.toMatch(ISO_DAY)
  expect(text, `${name}: a day without its year`).not.toMatch(DAY_WITHOUT_YEAR)
  expect(text, `${name}: a day with a month's name`).not.toMatch(DAY_AND_MONTH)
}

async function registeredArtisan(): Promise<string> {
  const codes = testCodes(app.db)
  const { id } = await api().call(
    'artisans.register',
    validRegistration(codes, { birthDate: BIRTH }),
  )
  await api().call('artisans.recordStep', {
    artisanId: id,
    expectedVersion: 1,
    action: { step: 'rna_registered', happenedOn: REGISTERED, nia: '0900001234' },
  })
  return id
}

describe('dates on paper', () => {
  it('are day/month/year on the counter papers, the batch, the access-request PDF and the recovery sheet', async () => {
    const today = localToday()
    const codes = testCodes(app.db)
    const unregistered = await api().call(
      'artisans.register',
      validRegistration(codes, { cin: 'JB445566', phone: '0661998877', birthDate: BIRTH }),
    )
    const receipt = await api().call('documents.issue', {
      artisanId: unregistered.id,
      type: 'receipt',
    })
    expectDaysOnly('receipt', textOf(receipt), [BIRTH, today])

    const id = await registeredArtisan()
    const summary = await api().call('documents.issue', { artisanId: id, type: 'summary' })
    expectDaysOnly('file summary', textOf(summary), [BIRTH, REGISTERED, today])

    const batch = await api().call('documents.batchStart', {
      registeredSince: '2026-01-01',
      withoutCertificate: true,
    })
    let status = await api().call('documents.batchStatus', { jobId: batch.jobId })
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 20))
      status = await api().call('documents.batchStatus', { jobId: batch.jobId })
    }
    const batchFile = await api().call('documents.batchFile', { jobId: batch.jobId })
    expectDaysOnly('batch of certificates', textOf(batchFile), [REGISTERED, today])
    const reprint = await api().call('documents.issue', { artisanId: id, type: 'certificate' })
    expectDaysOnly('certificate', textOf(reprint, 'certificate.pdf'), [REGISTERED, today])

    const exported = await api().call('artisans.dataExport', { artisanId: id, format: 'pdf' })
    expectDaysOnly('access-request export', textOf(exported), [BIRTH, REGISTERED, today])

    const { code } = await api().call('recovery.regenerate', {})
    const sheet = await api().call('recovery.printable', { code })
    expectDaysOnly('recovery-code sheet', textOf(sheet), [today])
  })

  it('are day/month/year on the handouts in Arabic, Tifinagh and French, the attendance sheets and the session reports', async () => {
    const codes = testCodes(app.db)
    const session = await api().call('sessions.plan', {
      kind: 'chamber',
      title: 'Séance AMO',
      startsAt: `${SESSION_DAY}T09:30`,
      endsAt: '2030-03-15T12:00',
      provinceCode: codes.tiznitProvince,
      communeCode: codes.tiznitCommune,
      venue: 'Siège de la chambre',
      partners: [],
      languages: ['ar', 'fr'],
      targetActivities: [],
      targetCommunes: [],
      capacity: null,
      organiser: '',
    })
    for (const lang of ['ar', 'zgh', 'fr'] as const) {
      const handout = await api().call('handouts.print', {
        topic: 'amo',
        lang,
        size: 'a5',
        sessionId: session.id,
      })
      const text = textOf(handout)
      expectDaysOnly(`handout (${lang})`, text, [SESSION_DAY, '2030-03-15'])
      // Hours are 24-hour: the session ends at noon the next day.
      expect(text).toContain('12:00')
    }
    for (const lang of ['ar', 'fr'] as const) {
      const sheet = await api().call('sessions.attendanceSheet', {
        sessionId: session.id,
        lang,
        blankRows: 2,
      })
      expectDaysOnly(`attendance sheet (${lang})`, textOf(sheet), [SESSION_DAY, localToday()])
      const report = await api().call('sessions.report', { sessionId: session.id, lang })
      // The 30- and 90-day windows end on 13/04/2030 and 12/06/2030.
      expectDaysOnly(`session report (${lang})`, textOf(report), [
        SESSION_DAY,
        '2030-04-13',
        '2030-06-12',
      ])
    }
  })

  it('are day/month/year in the report to the ministry; a month is named only as a period', async () => {
    await registeredArtisan()
    for (const lang of ['ar', 'fr'] as const) {
      const report = await api().call('reports.document', {
        period: '2026-03',
        lang,
        format: 'pdf',
      })
      const text = textOf(report)
      expectDaysOnly(`report (${lang})`, text, ['2026-03-01', '2026-03-31', '2026-02-01'])
      expect(text).toMatch(lang === 'fr' ? /mars 2026/ : /2026 مارس/)
    }
  })
})
