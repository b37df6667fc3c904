import type { ArtisanFile } from '@shared/artisans/records'
import { ltr } from '@shared/text/bidi'
import { formatMoroccanPhone } from '@shared/validation/phone'
import type { Language } from '@shared/settings/language'
import { formatDay } from '@shared/text/dates'
import { BOTTOM, Flow } from './flow'
import { drawText, measureText } from './layout/draw'
import {
  bilingual,
  both,
  duplicateMark,
  header,
  INNER,
  newDocument,
  numberAndDate,
  PAGE,
  section,
  signatures,
  t,
  title,
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
  events: { step: string; happenedOn: string; actorName: string }[]
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
      .map((e) => ({ step: e.step, happenedOn: e.happenedOn, actorName: e.actorName })),
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
 * value, Arabic label — so that most rows take one line and an ordinary file fits a page.
 * Values that read the same in both languages (CIN, dates, numbers) span the middle.
 */
const LABEL_W = 92
const VALUE_W = (INNER - 2 * LABEL_W - 24) / 2
const GREY = '#555555'
const ARABIC = /[\u0600-\u06FF]/
type Bi = { ar: string; fr: string }

function pair(f: Flow, key: string, v: Bi | string) {
  const label = both(key)
  const fr = typeof v === 'string' ? null : v.fr
  const ar = typeof v === 'string' ? null : v.ar
  const middle = typeof v === 'string' ? v : null
  const dir = (text: string) => (ARABIC.test(text) ? 'rtl' : 'ltr')
  const wide = 2 * VALUE_W + 8
  const height =
    Math.max(
      measureText(label.fr, { size: 9, width: LABEL_W, direction: 'ltr' }),
      measureText(label.ar, { size: 10, width: LABEL_W, direction: 'rtl' }),
      fr === null ? 0 : measureText(fr, { size: 10.5, width: VALUE_W, direction: 'ltr' }),
      ar === null ? 0 : measureText(ar, { size: 11, width: VALUE_W, direction: 'rtl' }),
      middle === null
        ? 0
        : measureText(middle, { size: 10.5, width: wide, direction: dir(middle), align: 'center' }),
      17,
    ) + 3
  f.room(height)
  const { doc, y } = f
  const left = PAGE.margin
  drawText(doc, label.fr, {
    x: left,
    y: y + 1,
    width: LABEL_W,
    size: 9,
    direction: 'ltr',
    color: GREY,
  })
  drawText(doc, label.ar, {
    x: left + INNER - LABEL_W,
    y,
    width: LABEL_W,
    size: 10,
    direction: 'rtl',
    color: GREY,
  })
  const valueX = left + LABEL_W + 12
  if (middle !== null)
    drawText(doc, middle, {
      x: valueX,
      y,
      width: wide,
      size: 10.5,
      direction: dir(middle),
      align: 'center',
    })
  if (fr !== null) drawText(doc, fr, { x: valueX, y, width: VALUE_W, size: 10.5, direction: 'ltr' })
  if (ar !== null)
    drawText(doc, ar, { x: valueX + VALUE_W + 8, y, width: VALUE_W, size: 11, direction: 'rtl' })
  f.y = y + height
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

function identity(f: Flow, a: SummaryContent['artisan']) {
  pair(f, 'documents.fullName', { ar: a.nameAr, fr: a.nameLat })
  pair(f, 'artisan.cin', a.cin ?? '')
  if (a.nia) pair(f, 'artisan.nia', a.nia)
  if (a.sex) pair(f, 'register.sex', enumOf('sex', a.sex))
  if (a.birthDate || a.birthPlace)
    pair(f, 'artisan.born', joined(a.birthDate && ltr(formatDay(a.birthDate)), a.birthPlace))
  if (a.phones.length) pair(f, 'artisan.phones', a.phones.map(formatMoroccanPhone).join('   '))
  if (a.address) pair(f, 'artisan.address', a.address)
  if (a.commune || a.province)
    pair(f, 'artisan.territory', {
      ar: joined(a.commune?.ar, a.province?.ar),
      fr: joined(a.commune?.fr, a.province?.fr),
    })
}

function craft(f: Flow, a: SummaryContent['artisan']) {
  pair(f, 'artisan.actorType', enumOf('actorType', a.actorType))
  if (a.organisation) pair(f, 'artisan.organisation', joined(a.organisation, a.organisationLegalId))
  if (a.activity) pair(f, 'artisan.mainActivity', a.activity)
  if (a.secondary.length)
    pair(f, 'artisan.secondaryActivities', {
      ar: a.secondary.map((s) => s.ar).join('، '),
      fr: a.secondary.map((s) => s.fr).join(', '),
    })
  if (a.practice) pair(f, 'artisan.practice', enumOf('practice', a.practice))
  if (a.workplaceAddress) pair(f, 'register.workplaceAddress', a.workplaceAddress)
  if (a.qualification) {
    const q = enumOf('qualification', a.qualification)
    const years = a.practiceYears
    pair(
      f,
      'artisan.qualification',
      years === null
        ? q
        : {
            ar: joined(q.ar, counted('ar', 'artisan.years', years)),
            fr: joined(q.fr, counted('fr', 'artisan.years', years)),
          },
    )
  }
  if (a.qualificationDetail) pair(f, 'register.qualificationDetail', a.qualificationDetail)
}

function path(f: Flow, c: SummaryContent) {
  const a = c.artisan
  pair(
    f,
    'documents.registration',
    withExtra(enumOf('rnaStatus', a.rnaStatus), formatDay(a.rnaRegisteredAt ?? a.rnaSubmittedAt)),
  )
  if (a.rnaRejectionReason) pair(f, 'path.reason', a.rnaRejectionReason)
  pair(
    f,
    'documents.coverage',
    withExtra(
      enumOf('coverStatus', a.coverStatus),
      a.cnssNumber && `CNSS ${a.cnssNumber}`,
      formatDay(a.coverAt),
    ),
  )
  const status = enumOf('bankStatus', a.bankStatus)
  const partner = a.bankPartner ? enumOf('bank', a.bankPartner) : null
  pair(f, 'documents.bankAccount', {
    ar: joined(status.ar, partner?.ar, a.bankAt && ltr(formatDay(a.bankAt))),
    fr: joined(status.fr, partner?.fr, formatDay(a.bankAt)),
  })
  if (!c.events.length) return
  f.room(27 + 20)
  f.y = section(f.doc, 'artisan.history', f.y + 6)
  for (const e of c.events)
    pair(f, `enums.step.${e.step}`, `${formatDay(e.happenedOn)} · ${e.actorName}`)
}

/** Papers received, consent, and the declaration the artisan signs. */
function papers(f: Flow, c: SummaryContent) {
  const lines = c.evidence.map((key) => [
    `• ${t('ar', `register.evidence.${key}`)}`,
    `• ${t('fr', `register.evidence.${key}`)}`,
  ])
  if (c.consentOn)
    lines.push([
      t('ar', 'documents.consent', { law: '09-08', date: formatDay(c.consentOn) }),
      t('fr', 'documents.consent', { law: '09-08', date: formatDay(c.consentOn) }),
    ])
  if (lines.length) {
    f.room(27 + bilingualHeight(lines[0] as string[]))
    f.y = section(f.doc, 'documents.received', f.y + 6)
    for (const [ar, fr] of lines) paragraph(f, ar as string, fr as string)
  }
  f.y += 6
  paragraph(f, t('ar', 'documents.summaryDeclaration'), t('fr', 'documents.summaryDeclaration'))
  f.room(88)
  signatures(f.doc, 'both', f.y + 4)
}

const HALF = INNER / 2 - 8
function bilingualHeight([ar, fr]: string[]): number {
  return (
    Math.max(
      measureText(ar ?? '', { size: 10, width: HALF, direction: 'rtl' }),
      measureText(fr ?? '', { size: 9.5, width: HALF, direction: 'ltr' }),
    ) + 6
  )
}
function paragraph(f: Flow, ar: string, fr: string) {
  f.room(bilingualHeight([ar, fr]))
  f.y = bilingual(f.doc, f.y, ar, fr)
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
        y: BOTTOM + 12,
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
  let y = header(doc, chamber, warnings)
  y = title(doc, 'documents.summary', y, copy > 0)
  y = numberAndDate(doc, y, c.number, c.issuedOn)
  y = bilingual(doc, y + 4, t('ar', 'documents.summaryIntro'), t('fr', 'documents.summaryIntro'))
  const f = new Flow(doc, y, continuation(c, copy))
  for (const [key, draw] of [
    ['artisan.identity', () => identity(f, c.artisan)],
    ['artisan.craft', () => craft(f, c.artisan)],
    ['artisan.path', () => path(f, c)],
  ] as const) {
    f.room(27 + 22)
    f.y = section(doc, key, f.y + 6)
    draw()
  }
  papers(f, c)
  pageFooters(doc, c)
  return { pdf: await toBuffer(doc), warnings }
}
