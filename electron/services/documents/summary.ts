import type { ArtisanFile } from '@shared/artisans/records'
import { ltr } from '@shared/text/bidi'
import { formatMoroccanPhone } from '@shared/validation/phone'
import type { Language } from '@shared/settings/language'
import { formatDay } from '@shared/text/dates'
import { BOTTOM, Flow } from './flow'

/** The fiche's pages run 20 points lower than the other papers', its footer under them. */
const SUMMARY_BOTTOM = BOTTOM + 20
import { drawText, measureText } from './layout/draw'
import {
  both,
  duplicateMark,
  header,
  INNER,
  newDocument,
  PAGE,
  t,
  toBuffer,
  type Chamber,
  type Doc,
} from './page'

/**
 * The artisan file summary (بطاقة الملف / fiche du dossier): everything the file holds
 * about the artisan — identity, craft, path, papers received — for them to check and
 * sign. It runs over as many pages as the file needs (long addresses, a long history);
 * pages are numbered and each one after the first says whose file it is.
 */
type Names = { ar: string; fr: string } | null

export interface SummaryContent {
  number: string
  issuedOn: string
  issuedBy: string
  artisan: {
    cin: string | null
    nia: string | null
    nameAr: string
    nameLat: string
    sex: string | null
    birthDate: string | null
    birthPlace: string
    phones: string[]
    address: string
    commune: Names
    province: Names
    actorType: string
    organisation: string
    organisationLegalId: string
    activity: Names
    secondary: { ar: string; fr: string }[]
    practice: string | null
    workplaceAddress: string
    qualification: string | null
    practiceYears: number | null
    qualificationDetail: string
    rnaStatus: string
    rnaSubmittedAt: string | null
    rnaRegisteredAt: string | null
    rnaRejectionReason: string | null
    coverStatus: string
    cnssNumber: string | null
    coverAt: string | null
    bankStatus: string
    bankPartner: string | null
    bankAt: string | null
    createdAt: string
  }
  /** `detail` (CNSS number, bank, scheme, reason) since issue 16; older records have none. */
  events: { step: string; happenedOn: string; actorName: string; detail?: Record<string, string> }[]
  evidence: string[]
  consentOn: string | null
}

export interface SummaryNames {
  activity: Names
  commune: Names
  province: Names
  secondary: { ar: string; fr: string }[]
}

export function summaryContent(
  file: ArtisanFile,
  names: SummaryNames,
  issue: { number: string; issuedOn: string; issuedBy: string },
): SummaryContent {
  const day = (iso: string | null) => iso?.slice(0, 10) ?? null
  return {
    ...issue,
    artisan: {
      cin: file.cin,
      nia: file.nia,
      nameAr: [file.firstNameAr, file.lastNameAr].filter(Boolean).join(' '),
      nameLat: [file.firstNameLat, file.lastNameLat].filter(Boolean).join(' '),
      sex: file.sex,
      birthDate: file.birthDate,
      birthPlace: file.birthPlace,
      phones: [file.phone, file.phone2].filter((p): p is string => Boolean(p)),
      address: file.address,
      ...names,
      actorType: file.actorType,
      organisation: file.organisationName,
      organisationLegalId: file.organisationLegalId,
      practice: file.practice,
      workplaceAddress: file.workplaceAddress,
      qualification: file.qualification,
      practiceYears: file.practiceYears,
      qualificationDetail: file.qualificationDetail,
      rnaStatus: file.rnaStatus,
      rnaSubmittedAt: day(file.rnaSubmittedAt),
      rnaRegisteredAt: day(file.rnaRegisteredAt),
      rnaRejectionReason: file.rnaRejectionReason,
      coverStatus: file.coverStatus,
      cnssNumber: file.cnssNumber,
      coverAt: day(file.coverAt),
      bankStatus: file.bankStatus,
      bankPartner: file.bankPartner,
      bankAt: day(file.bankAt),
      createdAt: file.createdAt.slice(0, 10),
    },
    events: [...file.events]
      .sort(
        (a, b) =>
          a.happenedOn.localeCompare(b.happenedOn) || a.recordedAt.localeCompare(b.recordedAt),
      )
      .map((e) => ({
        step: e.step,
        happenedOn: e.happenedOn,
        actorName: e.actorName,
        detail: e.detail,
      })),
    evidence: Object.entries(file.evidence)
      .filter(([, seen]) => seen)
      .map(([key]) => key),
    consentOn: file.consentAt?.slice(0, 10) ?? null,
  }
}

/** A count in the language's plural form (`key_one`, `key_other`…). */
function counted(lang: Language, key: string, count: number): string {
  const form = count === 0 ? 'zero' : new Intl.PluralRules(lang).select(count)
  const text = t(lang, `${key}_${form}`, { count })
  return text.startsWith(key) ? t(lang, `${key}_other`, { count }) : text
}

/**
 * The fiche is a bilingual form in four columns — French label, French value | Arabic
 * value, Arabic label — so that most rows take one line and an ordinary file (identity,
 * craft, a path of about six steps, a few papers) fits one page. Values that read the
 * same in both languages (CIN, dates, numbers) span the middle. Each section is built as
 * rows first, so that its heading is kept with its first two rows (flow.ts).
 */
const LABEL_W = 104
const GAP = 10
const VALUE_W = (INNER - 2 * LABEL_W - 2 * GAP - 8) / 2
const WIDE = 2 * VALUE_W + 8
const LEADING = 1.3
const GREY = '#555555'
const RULE = '#b9c4bf'
const ARABIC = /[\u0600-\u06FF]/
type Bi = { ar: string; fr: string }
interface Pair {
  key: string
  value: Bi | string
  /** A label of its own (the key's, with something added), instead of the key's. */
  label?: Bi
}

const dir = (text: string) => (ARABIC.test(text) ? 'rtl' : 'ltr')
const STYLE = {
  labelFr: { size: 8.5, width: LABEL_W, direction: 'ltr', leading: LEADING },
  labelAr: { size: 9.5, width: LABEL_W, direction: 'rtl', leading: LEADING },
  fr: { size: 9.5, width: VALUE_W, direction: 'ltr', leading: LEADING },
  ar: { size: 10, width: VALUE_W, direction: 'rtl', leading: LEADING },
} as const

function pairHeight({ key, value, label = both(key) }: Pair): number {
  return (
    Math.max(
      measureText(label.fr, STYLE.labelFr),
      measureText(label.ar, STYLE.labelAr),
      typeof value === 'string'
        ? measureText(value, {
            size: 9.5,
            width: WIDE,
            direction: dir(value),
            align: 'center',
            leading: LEADING,
          })
        : Math.max(measureText(value.fr, STYLE.fr), measureText(value.ar, STYLE.ar)),
      13,
    ) + 2
  )
}

function pair(f: Flow, p: Pair) {
  const height = pairHeight(p)
  f.room(height)
  const label = p.label ?? both(p.key)
  const { doc, y } = f
  const left = PAGE.margin
  drawText(doc, label.fr, { ...STYLE.labelFr, x: left, y: y + 1, color: GREY })
  drawText(doc, label.ar, { ...STYLE.labelAr, x: left + INNER - LABEL_W, y, color: GREY })
  const valueX = left + LABEL_W + GAP
  const v = p.value
  if (typeof v === 'string')
    drawText(doc, v, {
      x: valueX,
      y,
      width: WIDE,
      size: 9.5,
      direction: dir(v),
      align: 'center',
      leading: LEADING,
    })
  else {
    drawText(doc, v.fr, { ...STYLE.fr, x: valueX, y })
    drawText(doc, v.ar, { ...STYLE.ar, x: valueX + VALUE_W + 8, y })
  }
  f.y = y + height
}

/** A section heading in both languages over a rule (smaller than the other papers' own). */
const HEADING = 23
function heading(f: Flow, key: string) {
  const y = f.y + 4
  drawText(f.doc, t('ar', key), {
    x: PAGE.margin + INNER / 2,
    y,
    width: INNER / 2,
    size: 11,
    weight: 'bold',
    direction: 'rtl',
    leading: LEADING,
  })
  drawText(f.doc, t('fr', key), {
    x: PAGE.margin,
    y: y + 1,
    width: INNER / 2,
    size: 10,
    weight: 'bold',
    direction: 'ltr',
    leading: LEADING,
  })
  const below = y + 16
  f.doc
    .moveTo(PAGE.margin, below)
    .lineTo(PAGE.width - PAGE.margin, below)
    .lineWidth(0.5)
  f.doc.strokeColor(RULE).stroke()
  f.y = below + 3
}

/** A section: its heading kept with its first two rows, then the rows. */
function block(f: Flow, key: string, rows: Pair[]) {
  if (!rows.length) return
  f.keepWithNext(HEADING, rows.map(pairHeight))
  heading(f, key)
  for (const r of rows) pair(f, r)
}

/** An enum value, or reference names, in both languages; with things added to each side. */
const enumOf = (group: string, v: string): Bi => ({
  ar: t('ar', `enums.${group}.${v}`),
  fr: t('fr', `enums.${group}.${v}`),
})
const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' — ')
const withExtra = (v: Bi, ...extra: (string | null | undefined)[]): Bi => ({
  ar: joined(v.ar, ...extra.map((e) => e && ltr(e))),
  fr: joined(v.fr, ...extra),
})

function identity(a: SummaryContent['artisan']): Pair[] {
  const rows: Pair[] = [{ key: 'documents.fullName', value: { ar: a.nameAr, fr: a.nameLat } }]
  rows.push({ key: 'artisan.cin', value: a.cin ?? '' })
  if (a.nia) rows.push({ key: 'artisan.nia', value: a.nia })
  if (a.sex) rows.push({ key: 'register.sex', value: enumOf('sex', a.sex) })
  if (a.birthDate || a.birthPlace)
    rows.push({
      key: 'artisan.born',
      value: joined(a.birthDate && ltr(formatDay(a.birthDate)), a.birthPlace),
    })
  if (a.phones.length)
    rows.push({ key: 'artisan.phones', value: a.phones.map(formatMoroccanPhone).join('   ') })
  if (a.address) rows.push({ key: 'artisan.address', value: a.address })
  if (a.commune || a.province)
    rows.push({
      key: 'artisan.territory',
      value: {
        ar: joined(a.commune?.ar, a.province?.ar),
        fr: joined(a.commune?.fr, a.province?.fr),
      },
    })
  return rows
}

function craft(a: SummaryContent['artisan']): Pair[] {
  const rows: Pair[] = [{ key: 'artisan.actorType', value: enumOf('actorType', a.actorType) }]
  if (a.organisation)
    rows.push({ key: 'artisan.organisation', value: joined(a.organisation, a.organisationLegalId) })
  if (a.activity) rows.push({ key: 'artisan.mainActivity', value: a.activity })
  if (a.secondary.length)
    rows.push({
      key: 'artisan.secondaryActivities',
      value: {
        ar: a.secondary.map((s) => s.ar).join('، '),
        fr: a.secondary.map((s) => s.fr).join(', '),
      },
    })
  if (a.practice) rows.push({ key: 'artisan.practice', value: enumOf('practice', a.practice) })
  if (a.workplaceAddress) rows.push({ key: 'register.workplaceAddress', value: a.workplaceAddress })
  if (a.qualification) {
    const q = enumOf('qualification', a.qualification)
    const years = a.practiceYears
    rows.push({
      key: 'artisan.qualification',
      value:
        years === null
          ? q
          : {
              ar: joined(q.ar, counted('ar', 'artisan.years', years)),
              fr: joined(q.fr, counted('fr', 'artisan.years', years)),
            },
    })
  }
  if (a.qualificationDetail)
    rows.push({ key: 'register.qualificationDetail', value: a.qualificationDetail })
  return rows
}

/** The step that puts a file in each RNA status (none for "pending"). */
const RNA_STEP: Record<string, string> = {
  identified: 'identified',
  submitted: 'rna_submitted',
  registered: 'rna_registered',
  rejected: 'rna_rejected',
}

/**
 * The path: where the file stands on each branch (RNA, cover, bank) — unless its history
 * already says it with the step that put it there — then every step of the history,
 * dated, with what it recorded (CNSS number, bank, scheme, reason) and who recorded it.
 */
function path(c: SummaryContent): Pair[] {
  const a = c.artisan
  const stated = new Set(c.events.map((e) => e.step))
  const rows: Pair[] = []
  if (!stated.has(RNA_STEP[a.rnaStatus] ?? ''))
    rows.push({
      key: 'documents.registration',
      value: withExtra(
        enumOf('rnaStatus', a.rnaStatus),
        formatDay(a.rnaRegisteredAt ?? a.rnaSubmittedAt),
      ),
    })
  if (a.rnaRejectionReason && !stated.has('rna_rejected'))
    rows.push({ key: 'path.reason', value: a.rnaRejectionReason })
  const cnssStated = !a.cnssNumber || stated.has('cnss_pre_registered')
  if (!(stated.has(a.coverStatus) && cnssStated))
    rows.push({
      key: 'documents.coverage',
      value: withExtra(
        enumOf('coverStatus', a.coverStatus),
        a.cnssNumber && `CNSS ${a.cnssNumber}`,
        formatDay(a.coverAt),
      ),
    })
  if (!stated.has(`bank_${a.bankStatus}`)) {
    const status = enumOf('bankStatus', a.bankStatus)
    const partner = a.bankPartner ? enumOf('bank', a.bankPartner) : null
    rows.push({
      key: 'documents.bankAccount',
      value: {
        ar: joined(status.ar, partner?.ar, a.bankAt && ltr(formatDay(a.bankAt))),
        fr: joined(status.fr, partner?.fr, formatDay(a.bankAt)),
      },
    })
  }
  for (const e of c.events) {
    const d = e.detail ?? {}
    const day = formatDay(e.happenedOn)
    const said = d.cnssNumber ? `CNSS ${d.cnssNumber}` : (d.scheme ?? d.reason ?? '')
    const bank = d.bank ? enumOf('bank', d.bank) : null
    const step = both(`enums.step.${e.step}`)
    rows.push({
      key: `enums.step.${e.step}`,
      // The bank goes with the step's name, so that the day and who recorded it stay on one line.
      ...(bank ? { label: { ar: `${step.ar} — ${bank.ar}`, fr: `${step.fr} — ${bank.fr}` } } : {}),
      value: [day, said, e.actorName].filter(Boolean).join(' · '),
    })
  }
  return rows
}

/** Papers received, consent, and the declaration the artisan signs. */
function papers(f: Flow, c: SummaryContent) {
  const lines: [string, string][] = []
  // The papers received, on one line in each language while they fit.
  if (c.evidence.length)
    lines.push([
      c.evidence.map((key) => `• ${t('ar', `register.evidence.${key}`)}`).join('   '),
      c.evidence.map((key) => `• ${t('fr', `register.evidence.${key}`)}`).join('   '),
    ])
  if (c.consentOn)
    lines.push([
      t('ar', 'documents.consent', { law: '09-08', date: formatDay(c.consentOn) }),
      t('fr', 'documents.consent', { law: '09-08', date: formatDay(c.consentOn) }),
    ])
  if (lines.length) {
    f.keepWithNext(
      HEADING,
      lines.map((l) => bilingualHeight(l)),
    )
    heading(f, 'documents.received')
    for (const [ar, fr] of lines) paragraph(f, ar, fr)
  }
  f.y += 2
  const declaration: [string, string] = [
    t('ar', 'documents.summaryDeclaration'),
    t('fr', 'documents.summaryDeclaration'),
  ]
  // The declaration is signed: it stays with the signature boxes.
  f.room(bilingualHeight(declaration) + SIGNATURE + 2)
  paragraph(f, ...declaration)
  signatureBoxes(f.doc, f.y)
}

/** The artisan's box (left) and the chamber's (right), room for a signature and a stamp. */
const SIGNATURE = 62
function signatureBoxes(doc: Doc, y: number) {
  const w = INNER / 2 - 10
  for (const [i, key] of ['documents.signArtisan', 'documents.signChamber'].entries()) {
    const x = PAGE.margin + i * (w + 20)
    doc.roundedRect(x, y, w, SIGNATURE, 4).lineWidth(0.6).strokeColor(RULE).stroke()
    drawText(doc, `${t('ar', key)}\n${t('fr', key)}`, {
      x: x + 8,
      y: y + 4,
      width: w - 16,
      size: 8.5,
      direction: 'rtl',
      align: 'center',
      color: GREY,
      leading: LEADING,
    })
  }
}

const HALF = INNER / 2 - 8
/** A paragraph in Arabic (right, a point larger: Naskh reads smaller) and French (left). */
function bilingualHeight([ar, fr]: [string, string], size = 9): number {
  return (
    Math.max(
      measureText(ar, { size: size + 0.5, width: HALF, direction: 'rtl', leading: LEADING }),
      measureText(fr, { size, width: HALF, direction: 'ltr', leading: LEADING }),
    ) + 4
  )
}
function paragraph(f: Flow, ar: string, fr: string, size = 9) {
  const height = bilingualHeight([ar, fr], size)
  f.room(height)
  const at = { width: HALF, leading: LEADING }
  drawText(f.doc, ar, {
    ...at,
    x: PAGE.margin + INNER - HALF,
    y: f.y,
    size: size + 0.5,
    direction: 'rtl',
  })
  drawText(f.doc, fr, { ...at, x: PAGE.margin, y: f.y + 1, size, direction: 'ltr' })
  f.y += height
}

/** The title, Arabic over French, tighter than the other papers' (the fiche is kept to a page). */
function summaryTitle(doc: Doc, y: number, duplicate: boolean): number {
  const text = (lang: Language) =>
    t(lang, 'documents.summary') + (duplicate ? ` — ${t(lang, 'documents.duplicate')}` : '')
  const box = { x: PAGE.margin, width: INNER, align: 'center' as const, leading: 1.3 }
  const h1 = drawText(doc, text('ar'), { ...box, y, size: 18, weight: 'bold', direction: 'rtl' })
  return y + h1 + drawText(doc, text('fr'), { ...box, y: y + h1, size: 12, direction: 'ltr' }) + 4
}

/** On every page after the first: whose file this is, under a thin rule. */
function continuation(c: SummaryContent, copy: number) {
  return (doc: Doc): number => {
    if (copy > 0) duplicateMark(doc)
    const y = PAGE.margin
    drawText(doc, `${t('ar', 'documents.summary')} — ${c.artisan.nameAr} — ${ltr(c.number)}`, {
      x: PAGE.margin + INNER / 2,
      y,
      width: INNER / 2,
      size: 9,
      direction: 'rtl',
      color: '#555555',
    })
    drawText(doc, `${t('fr', 'documents.summary')} — ${c.artisan.nameLat}`, {
      x: PAGE.margin,
      y: y + 1,
      width: INNER / 2,
      size: 8.5,
      direction: 'ltr',
      color: '#555555',
    })
    doc
      .moveTo(PAGE.margin, y + 20)
      .lineTo(PAGE.width - PAGE.margin, y + 20)
      .lineWidth(0.5)
    doc.strokeColor('#b9c4bf').stroke()
    return y + 30
  }
}

/** "number · issued by · page n / N" at the foot of every page. */
function pageFooters(doc: Doc, c: SummaryContent) {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const page = t('fr', 'documents.page', { n: i - range.start + 1, total: range.count })
    drawText(
      doc,
      `${c.number} · ${t('fr', 'documents.issuedBy', { name: c.issuedBy })} · ${page} · Sijill`,
      {
        x: PAGE.margin,
        y: SUMMARY_BOTTOM + 10,
        width: INNER,
        size: 7.5,
        direction: 'ltr',
        align: 'center',
        color: '#555555',
      },
    )
  }
}

export async function renderSummary(
  c: SummaryContent,
  chamber: Chamber,
  copy: number,
): Promise<{ pdf: Buffer; warnings: string[] }> {
  const warnings: string[] = []
  const doc = newDocument(`${t('fr', 'documents.summary')} ${c.number}`, 'kept')
  if (copy > 0) duplicateMark(doc)
  const y = header(doc, chamber, warnings)
  const f = new Flow(doc, summaryTitle(doc, y - 6, copy > 0), continuation(c, copy), SUMMARY_BOTTOM)
  pair(f, { key: 'documents.number', value: c.number })
  pair(f, { key: 'documents.date', value: formatDay(c.issuedOn) })
  f.y += 2
  paragraph(f, t('ar', 'documents.summaryIntro'), t('fr', 'documents.summaryIntro'), 8.5)
  block(f, 'artisan.identity', identity(c.artisan))
  block(f, 'artisan.craft', craft(c.artisan))
  block(f, 'artisan.path', path(c))
  papers(f, c)
  pageFooters(doc, c)
  return { pdf: await toBuffer(doc), warnings }
}
