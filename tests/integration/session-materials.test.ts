import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HANDOUT_DEFAULTS } from '@shared/sessions/handout-defaults'
import type { PlanSessionInput } from '@shared/sessions/session'
import type { SijillApp } from '../../electron/services/app'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import { runCli } from '../../electron/cli/run-cli'
import { translateError } from '../../electron/services/startup-error'
import { openTestDesk } from '../helpers/temp-desk'
import { setUpDeskPerTest } from '../helpers/desk-per-test'
import { testCodes, validRegistration } from '../helpers/registration'

/**
 * The printed materials of awareness sessions: handout texts a chamber rewrites, the
 * handouts in three languages and two sizes, the attendance sheet and the session report,
 * read back from the PDFs with pdftotext; and the same from the command line.
 */
let dir: string
let app: SijillApp
setUpDeskPerTest(
  (desk) => ({ app, dir } = desk),
  () => app,
)

const api = () => app.direct()
const today = () => new Date().toISOString().slice(0, 10)
/** A label as the PDFs print it (the key itself while a translation is missing). */
const fr = (key: string, params: Record<string, string | number> = {}) =>
  translateError('fr', key, params)

/** The PDF's text (bidi marks removed), its pages, its page size and the words' boxes. */
function readPdf(file: { base64: string; fileName: string }, name = file.fileName) {
  const path = join(dir, name)
  writeFileSync(path, Buffer.from(file.base64, 'base64'))
  // KEEP_PDF=DIR keeps a copy of each PDF, to look at.
  if (process.env.KEEP_PDF) writeFileSync(join(process.env.KEEP_PDF, name), readFileSync(path))
  const text = execFileSync('pdftotext', ['-raw', path, '-'])
    .toString('utf8')
    .replace(/[\u202A-\u202E]/g, '')
  const info = execFileSync('pdfinfo', [path]).toString('utf8')
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []
  const boxes = execFileSync('pdftotext', ['-bbox', path, '-']).toString('utf8')
  const yMax = [...boxes.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1]))
  return {
    text,
    /** The text on one line: words a line break separated, a space apart. */
    flat: text.replace(/\s+/g, ' '),
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    size: [Number(w), Number(h)],
    pageTexts: text.split('\f').filter((p) => p.trim()),
    yMax,
  }
}

function session(overrides: Partial<PlanSessionInput> = {}): PlanSessionInput {
  const codes = testCodes(app.db)
  return {
    kind: 'fair',
    title: 'Salon provincial de Tiznit',
    startsAt: `${today()}T09:30`,
    endsAt: `${today()}T23:59`,
    provinceCode: codes.tiznitProvince,
    communeCode: codes.tiznitCommune,
    venue: 'Place Al Mechouar',
    partners: [{ kind: 'cnss', name: 'Agence CNSS Tiznit', contact: '05 28 60 00 00' }],
    languages: ['ar', 'zgh'],
    targetActivities: [],
    targetCommunes: [],
    capacity: 80,
    organiser: 'Service de la formation',
    ...overrides,
  }
}

/** A name part that sorts as `i` does: Aa, Ab … Az, Ba … */
const tag = (i: number) => String.fromCharCode(65 + Math.floor(i / 26), 97 + (i % 26))

/** `n` artisans of Tiznit, registered at the counter; their ids in order. */
async function artisans(n: number): Promise<string[]> {
  const codes = testCodes(app.db)
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const { id } = await api().call(
      'artisans.register',
      validRegistration(codes, {
        cin: `JE${300000 + i}`,
        phone: `06${String(61000000 + i)}`,
        lastNameLat: `Ouali${tag(i)}`,
      }),
    )
    ids.push(id)
  }
  return ids
}

async function invitedSession(n: number) {
  const ids = await artisans(n)
  const s = await api().call('sessions.plan', session())
  await api().call('sessions.invite', {
    sessionId: s.id,
    filter: { communeCodes: [testCodes(app.db).tiznitCommune] },
  })
  return { s, ids }
}

describe('handout texts', () => {
  it('are the shipped text until the chamber rewrites one, which it can undo', async () => {
    const shipped = await api().call('handouts.text', { topic: 'amo', lang: 'fr' })
    expect(shipped).toMatchObject({ isDefault: true, updatedAt: null })
    expect(shipped.body).toContain('135 MAD')

    const own = await api().call('handouts.setText', {
      topic: 'amo',
      lang: 'fr',
      title: '  AMO : la santé pour vous  ',
      body: "  L'AMO, c'est 135 MAD par mois.  \r\n\r\n# Où demander ?\r\n-   À la chambre.  ",
    })
    expect(own).toMatchObject({
      isDefault: false,
      title: 'AMO : la santé pour vous',
      body: "L'AMO, c'est 135 MAD par mois.\n\n# Où demander ?\n-   À la chambre.",
    })
    expect(await api().call('handouts.text', { topic: 'amo', lang: 'fr' })).toEqual(own)
    expect(await api().call('handouts.text', { topic: 'amo', lang: 'ar' })).toMatchObject({
      isDefault: true,
    })

    const back = await api().call('handouts.resetText', { topic: 'amo', lang: 'fr' })
    expect(back).toEqual(shipped)
    const actions = app.db
      .prepare(`SELECT action FROM audit_log WHERE entity_type = 'handout_text' ORDER BY seq`)
      .pluck()
      .all()
    expect(actions).toEqual(['handout.setText', 'handout.resetText'])
    expect(verifyAuditChain(app.db).ok).toBe(true)
  })

  it('refuses an empty title, a body with nothing to read, and clerks', async () => {
    const fields = async (title: string, body: string) =>
      (
        (await api()
          .call('handouts.setText', { topic: 'rna', lang: 'zgh', title, body })
          .catch((e: unknown) => e)) as { data?: { fields?: { path: string; key: string }[] } }
      ).data?.fields
    // A blank field says it is required (as every form does); markers alone say "empty".
    expect(await fields('   ', 'ⴰⵣⵓⵍ')).toEqual([{ path: 'title', key: 'validation.required' }])
    expect(await fields('ⴰⵣⵓⵍ', ' \n- \n#  \n -\n')).toEqual([
      { path: 'body', key: 'validation.handout_empty' },
    ])
    const clerk = { id: 'user:clerk', name: 'Clerk', roles: ['clerk' as const] }
    const asClerk = await app.router.call(
      { actor: clerk, transport: 'http', auth: 'active' },
      'handouts.setText',
      {
        topic: 'rna',
        lang: 'fr',
        title: 'Titre',
        body: 'Texte',
      },
    )
    expect(asClerk).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await api().call('handouts.text', { topic: 'rna', lang: 'zgh' })).toMatchObject({
      isDefault: true,
    })
  })
})

describe('handouts', () => {
  const expected = {
    rna: { ar: ['السجل', 'مجاني'], zgh: ['ⴰⵏⴰⵥⵓⵕ', 'RNA'], fr: ['gratuite', 'Qui peut'] },
    amo: { ar: ['135', 'الشهر'], zgh: ['135', 'ⵜⴰⵡⵊⴰ'], fr: ['135 MAD', 'Al Barid Bank'] },
  } as const

  it('prints each topic in Arabic, Amazigh and French, A4 and A5, every letter real', async () => {
    for (const topic of ['rna', 'amo'] as const)
      for (const lang of ['ar', 'zgh', 'fr'] as const)
        for (const size of ['a4', 'a5'] as const) {
          const file = await api().call('handouts.print', { topic, lang, size, sessionId: null })
          expect(file.fileName).toBe(`handout-${topic}-${lang}-${size}.pdf`)
          const pdf = readPdf(file)
          for (const word of expected[topic][lang]) expect(pdf.flat).toContain(word)
          expect(pdf.size).toEqual(size === 'a4' ? [595.28, 841.89] : [419.53, 595.28])
          if (lang === 'zgh') {
            // Every Tifinagh letter of the text comes out as that letter, none as a box.
            const { title, body } = HANDOUT_DEFAULTS[topic].zgh
            const letters = (s: string) => new Set(s.match(/\p{Script=Tifinagh}/gu))
            expect(letters(pdf.text)).toEqual(letters(title + body))
          }
        }
  })

  it("carries the session's day, hours and place, in the handout's language", async () => {
    const s = await api().call('sessions.plan', session())
    const pdf = readPdf(
      await api().call('handouts.print', { topic: 'rna', lang: 'fr', size: 'a4', sessionId: s.id }),
    )
    expect(pdf.text).toContain('Place Al Mechouar, Tiznit')
    expect(pdf.flat).toContain(fr('materials.timeRange', { from: '09:30', to: '23:59' }))
    // The day day/month/year after its weekday's name, as on every paper.
    const [y, m, d] = today().split('-')
    const weekday = new Intl.DateTimeFormat('fr-MA', { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(`${today()}T00:00:00Z`),
    )
    expect(pdf.flat).toContain(`${weekday} ${d}/${m}/${y}`)
    const zgh = readPdf(
      await api().call('handouts.print', {
        topic: 'rna',
        lang: 'zgh',
        size: 'a5',
        sessionId: s.id,
      }),
      'zgh.pdf',
    )
    expect(zgh.text).toContain('ⴰⴷⵖⴰⵔ')
    expect(zgh.text).toMatch(/ⵙⴳ 09:30 ⴰⵔ 23:59/)
    expect(zgh.text).toContain(`${d}/${m}/${y}`)
    await expect(
      api().call('handouts.print', { topic: 'rna', lang: 'fr', size: 'a4', sessionId: 'nope' }),
    ).rejects.toMatchObject({ data: { key: 'errors.session_not_found' } })
  })

  it('runs a long text on to further pages, nothing cut or off the page', async () => {
    const steps = Array.from(
      { length: 30 },
      (_, i) => `- Étape ${i + 1} : apportez votre carte nationale et vos papiers à la chambre.`,
    )
    const long = `${'Un très long paragraphe sans fin '.repeat(150)}\n\n# Les étapes\n${steps.join('\n')}`
    await api().call('handouts.setText', { topic: 'rna', lang: 'fr', title: 'Long', body: long })
    const pdf = readPdf(
      await api().call('handouts.print', { topic: 'rna', lang: 'fr', size: 'a5', sessionId: null }),
    )
    expect(pdf.pages).toBeGreaterThanOrEqual(3)
    for (const n of [1, 15, 30]) expect(pdf.text).toContain(`Étape ${n} :`)
    // Every word of the long paragraph is there (a page may end in the middle of it).
    expect(pdf.flat.match(/\bparagraphe\b/g)).toHaveLength(150)
    expect(Math.max(...pdf.yMax)).toBeLessThanOrEqual(595.28)
  })
})

describe('the attendance sheet', () => {
  it('lists every invitee with name and CIN over several pages, the header on each', async () => {
    const { s, ids } = await invitedSession(60)
    await api().call('sessions.checkIn', { sessionId: s.id, artisanId: ids[0] as string })
    const pdf = readPdf(
      await api().call('sessions.attendanceSheet', { sessionId: s.id, lang: 'fr', blankRows: 5 }),
    )
    expect(pdf.pages).toBeGreaterThanOrEqual(2)
    for (let i = 0; i < 60; i++) {
      expect(pdf.text).toContain(`JE${300000 + i}`)
      expect(pdf.text).toContain(`Ouali${tag(i)}`)
    }
    for (const page of pdf.pageTexts) expect(page).toContain(fr('materials.sheet.signature'))
    expect(pdf.text).toContain(fr('documents.page', { n: 1, total: pdf.pages }))
    // Sorted by family name, then the blank rows numbered on.
    const order = [...pdf.text.matchAll(/Ouali([A-Z][a-z])/g)].map((m) => m[1])
    expect(order).toEqual(Array.from({ length: 60 }, (_, i) => tag(i)))
    expect(pdf.text).toMatch(/\b65\b/)

    const ar = readPdf(
      await api().call('sessions.attendanceSheet', { sessionId: s.id, lang: 'ar', blankRows: 0 }),
      'ar.pdf',
    )
    expect(ar.text).toContain('فاطمة')
    expect(ar.text).toContain('JE300059')
  })
})

describe('the session report', () => {
  it('counts invitees, who came, walk-ins and what they did afterwards', async () => {
    const { s, ids } = await invitedSession(4)
    for (const id of ids.slice(0, 2))
      await api().call('sessions.checkIn', { sessionId: s.id, artisanId: id })
    await api().call('sessions.walkIn', {
      sessionId: s.id,
      identification: { firstNameLat: 'Yamna', lastNameLat: 'Oubella', cin: 'JB445566' },
    })
    await api().call('artisans.recordStep', {
      artisanId: ids[0] as string,
      expectedVersion: 1,
      action: { step: 'rna_submitted', happenedOn: today() },
    })
    await api().call('artisans.recordStep', {
      artisanId: ids[0] as string,
      expectedVersion: 2,
      action: { step: 'rna_registered', happenedOn: today(), nia: '0900001234' },
    })
    const outcomes = await api().call('sessions.outcomes', { sessionId: s.id })
    expect(outcomes).toMatchObject({ invited: 4, attended: 3, invitedAttended: 2, walkIns: 1 })

    const pdf = readPdf(await api().call('sessions.report', { sessionId: s.id, lang: 'fr' }))
    const flat = pdf.flat
    for (const [value, key] of [
      [4, 'invited'],
      [3, 'attended'],
      [2, 'invitedAttended'],
      [1, 'walkIns'],
    ] as const)
      expect(flat).toContain(`${value} ${fr(`materials.report.${key}`)}`)
    expect(flat).toContain(`${fr('materials.report.registered')} 1 * 1 **`)
    expect(flat).toContain(fr('materials.report.cnssPreRegistered'))
    expect(flat).toContain('Agence CNSS Tiznit')
    expect(flat).toContain('05 28 60 00 00')
    expect(flat).toContain('JB445566')
    expect(flat).toContain('Oubella')

    const ar = readPdf(
      await api().call('sessions.report', { sessionId: s.id, lang: 'ar' }),
      'ar.pdf',
    )
    expect(ar.text).toContain('JB445566')
  })

  it('says a cancelled session was cancelled, and why', async () => {
    const s = await api().call('sessions.plan', session())
    await api().call('sessions.setStatus', {
      id: s.id,
      status: 'cancelled',
      reason: 'Intempéries sur la route',
    })
    const pdf = readPdf(await api().call('sessions.report', { sessionId: s.id, lang: 'fr' }))
    expect(pdf.text).toContain('Intempéries sur la route')
  })
})

describe('the command line', () => {
  async function cli(...argv: string[]) {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(['--data-dir', dir, ...argv], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    })
    return { code, out: out.join('\n'), err: err.join('\n') }
  }

  it('prints handouts, attendance sheets and reports to files', async () => {
    const { s } = await invitedSession(3)
    app.close()
    const pdfOf = (name: string) => readFileSync(join(dir, name)).subarray(0, 5).toString()
    // The sessions command names the session the others need.
    const listed = await cli('sessions')
    expect(listed.code).toBe(0)
    expect(listed.out).toContain(s.id)
    expect(listed.out).toMatch(/3 invited\s+0 present/)

    const handout = await cli(
      '--lang',
      'ar',
      'handout',
      '--topic',
      'amo',
      '--lang',
      'zgh',
      '--size',
      'a5',
      '--session',
      s.id,
      '--out',
      join(dir, 'h.pdf'),
    )
    expect(handout).toMatchObject({ code: 0 })
    expect(pdfOf('h.pdf')).toBe('%PDF-')
    const sheet = await cli(
      'attendance-sheet',
      '--session',
      s.id,
      '--blank',
      '3',
      '--out',
      join(dir, 's.pdf'),
    )
    expect(sheet.code).toBe(0)
    expect(pdfOf('s.pdf')).toBe('%PDF-')
    const report = await cli(
      'session-report',
      '--session',
      s.id,
      '--lang',
      'fr',
      '--out',
      join(dir, 'r.pdf'),
    )
    expect(report.code).toBe(0)
    expect(pdfOf('r.pdf')).toBe('%PDF-')

    expect((await cli('handout', '--topic', 'rna', '--out', join(dir, 'x.pdf'))).code).toBe(2)
    const unknown = await cli('session-report', '--session', 'nope', '--out', join(dir, 'y.pdf'))
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain(fr('errors.session_not_found'))
    expect(existsSync(join(dir, 'y.pdf'))).toBe(false)
    app = openTestDesk(dir)
  })
})
