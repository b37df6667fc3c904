import PDFDocument from 'pdfkit'
import { ltr } from '@shared/text/bidi'
import { formatMoroccanPhone } from '@shared/validation/phone'
import type { Language } from '@shared/settings/language'
import { formatDay } from '@shared/text/dates'
import { translateError as translate } from '../startup-error'
import { drawText } from './layout/draw'

/**
 * The parts every bilingual A4 document shares: the chamber's header (Arabic on the right,
 * French on the left, the logo between), a title in both languages, label rows (French
 * label | value | Arabic label), a paragraph in both languages, signature boxes, the
 * duplicata mark. Coordinates in points; the page is 595 × 842 with 40 of margin.
 */
export type Doc = InstanceType<typeof PDFDocument>
export const PAGE = { width: 595.28, height: 841.89, margin: 40 }
export const INNER = PAGE.width - 2 * PAGE.margin
const GREY = '#555555'
const RULE = '#b9c4bf'

export const t = (lang: Language, key: string, params: Record<string, string | number> = {}) =>
  translate(lang, key, params)

export interface Chamber {
  nameAr: string
  nameFr: string
  address: string
  phone: string
  logo: Buffer | null
}

/** `pages`: keep every page open until the end (to number them "page n of N"). */
export function newDocument(title: string, pages: 'streamed' | 'kept' = 'streamed'): Doc {
  return new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: { Title: title, Creator: 'Sijill', Producer: 'Sijill' },
    autoFirstPage: true,
    bufferPages: pages === 'kept',
    // No standard font: pdfkit would parse Helvetica's metrics for every document, and
    // nothing here is ever set in it (layout/draw.ts registers the document fonts).
    font: '',
  })
}

/** The chamber's header; returns the y below it. A logo that cannot be read is left out. */
export function header(doc: Doc, chamber: Chamber, warnings: string[]): number {
  const y = PAGE.margin
  const side = (INNER - 90) / 2
  drawText(doc, chamber.nameAr, {
    x: PAGE.margin + INNER - side,
    y,
    width: side,
    size: 13,
    weight: 'bold',
    direction: 'rtl',
  })
  drawText(doc, chamber.nameFr, {
    x: PAGE.margin,
    y: y + 2,
    width: side,
    size: 11,
    weight: 'bold',
    direction: 'ltr',
  })
  if (chamber.logo) {
    try {
      doc.image(chamber.logo, PAGE.width / 2 - 30, y - 6, { fit: [60, 60], align: 'center' })
    } catch {
      warnings.push('errors.logo_unreadable')
    }
  }
  const contact = `${chamber.address} — ${ltr(formatMoroccanPhone(chamber.phone))}`
  drawText(doc, contact, {
    x: PAGE.margin + INNER - side,
    y: y + 44,
    width: side,
    size: 8,
    direction: 'rtl',
    color: GREY,
  })
  const below = y + 66
  doc
    .moveTo(PAGE.margin, below)
    .lineTo(PAGE.width - PAGE.margin, below)
    .lineWidth(0.8)
  doc.strokeColor(RULE).stroke()
  return below + 14
}

export function title(doc: Doc, key: string, y: number, duplicate: boolean): number {
  const ar = t('ar', key) + (duplicate ? ` — ${t('ar', 'documents.duplicate')}` : '')
  const fr = t('fr', key) + (duplicate ? ` — ${t('fr', 'documents.duplicate')}` : '')
  const h1 = drawText(doc, ar, {
    x: PAGE.margin,
    y,
    width: INNER,
    size: 20,
    weight: 'bold',
    direction: 'rtl',
    align: 'center',
    leading: 1.5,
  })
  const h2 = drawText(doc, fr, {
    x: PAGE.margin,
    y: y + h1,
    width: INNER,
    size: 13,
    direction: 'ltr',
    align: 'center',
  })
  return y + h1 + h2 + 6
}

/** A section heading in both languages, with a rule under it. */
export function section(doc: Doc, key: string, y: number): number {
  drawText(doc, t('ar', key), {
    x: PAGE.margin + INNER / 2,
    y,
    width: INNER / 2,
    size: 12,
    weight: 'bold',
    direction: 'rtl',
  })
  drawText(doc, t('fr', key), {
    x: PAGE.margin,
    y: y + 1,
    width: INNER / 2,
    size: 11,
    weight: 'bold',
    direction: 'ltr',
  })
  const below = y + 21
  doc
    .moveTo(PAGE.margin, below)
    .lineTo(PAGE.width - PAGE.margin, below)
    .lineWidth(0.5)
  doc.strokeColor(RULE).stroke()
  return below + 6
}

export const LABEL = 135
export const VALUE_WIDTH = INNER - 2 * LABEL - 16

/** One row: French label (left), the value (middle, each line in its own direction), Arabic label (right). */
export function row(
  doc: Doc,
  y: number,
  labels: { fr: string; ar: string },
  values: { text: string; direction: 'rtl' | 'ltr' }[],
): number {
  const fr = drawText(doc, labels.fr, {
    x: PAGE.margin,
    y: y + 1,
    width: LABEL,
    size: 9,
    direction: 'ltr',
    color: GREY,
  })
  const ar = drawText(doc, labels.ar, {
    x: PAGE.margin + INNER - LABEL,
    y,
    width: LABEL,
    size: 10,
    direction: 'rtl',
    color: GREY,
  })
  let h = 0
  for (const v of values.filter((v) => v.text)) {
    h += drawText(doc, v.text, {
      x: PAGE.margin + LABEL + 8,
      y: y + h,
      width: VALUE_WIDTH,
      size: 11,
      direction: v.direction,
      align: 'center',
    })
  }
  return y + Math.max(h, fr, ar, 18) + 2
}

/** The French and Arabic of one key, as a row's labels. */
export const both = (key: string) => ({ fr: t('fr', key), ar: t('ar', key) })
export const value = (text: string | null | undefined, direction: 'rtl' | 'ltr' = 'ltr') => ({
  text: text ?? '',
  direction,
})

/** The document's number and date, in rows. */
export function numberAndDate(doc: Doc, y: number, number: string, date: string): number {
  return row(doc, row(doc, y, both('documents.number'), [value(number)]), both('documents.date'), [
    value(formatDay(date)),
  ])
}

type Names = { ar: string; fr: string } | null

/** The artisan's actor type, activity and commune, each in both languages. */
export function craftRows(
  doc: Doc,
  y: number,
  a: { actorType: string; activity: Names; commune: Names },
): number {
  let at = row(doc, y, both('artisan.actorType'), [
    value(t('ar', `enums.actorType.${a.actorType}`), 'rtl'),
    value(t('fr', `enums.actorType.${a.actorType}`)),
  ])
  for (const [key, names] of [
    ['artisan.mainActivity', a.activity],
    ['register.commune', a.commune],
  ] as const) {
    if (names) at = row(doc, at, both(key), [value(names.ar, 'rtl'), value(names.fr)])
  }
  return at
}

/** A paragraph in Arabic (right) and in French (left), side by side. */
export function bilingual(doc: Doc, y: number, ar: string, fr: string, size = 9.5): number {
  const half = INNER / 2 - 8
  const a = drawText(doc, ar, {
    x: PAGE.margin + INNER - half,
    y,
    width: half,
    size: size + 0.5,
    direction: 'rtl',
  })
  const f = drawText(doc, fr, { x: PAGE.margin, y: y + 1, width: half, size, direction: 'ltr' })
  return y + Math.max(a, f) + 6
}

/**
 * Signature boxes at the foot of the page: the artisan's (left) and the chamber's (right),
 * or the chamber's alone (right) when the left holds something else (a QR code).
 */
export const FOOT_Y = PAGE.height - PAGE.margin - 24 - 80
export function signatures(doc: Doc, who: 'both' | 'chamber' = 'both', y = FOOT_Y): void {
  const w = INNER / 2 - 10
  const keys = ['documents.signArtisan', 'documents.signChamber'] as const
  for (const [i, key] of keys.entries()) {
    if (who === 'chamber' && i === 0) continue
    const x = PAGE.margin + i * (w + 20)
    doc.roundedRect(x, y, w, 80, 4).lineWidth(0.6).strokeColor(RULE).stroke()
    drawText(doc, `${t('ar', key)}\n${t('fr', key)}`, {
      x: x + 8,
      y: y + 6,
      width: w - 16,
      size: 9,
      direction: 'rtl',
      align: 'center',
      color: GREY,
    })
  }
}

/** "Duplicata" across the page, light, behind nothing important. */
export function duplicateMark(doc: Doc): void {
  doc.save()
  doc.rotate(-35, { origin: [PAGE.width / 2, PAGE.height / 2] })
  drawText(doc, `${t('fr', 'documents.duplicate')}  ${t('ar', 'documents.duplicate')}`, {
    x: 40,
    y: PAGE.height / 2 - 30,
    width: PAGE.width - 80,
    size: 48,
    weight: 'bold',
    direction: 'ltr',
    align: 'center',
    color: '#e4e9e7',
  })
  doc.restore()
}

export function footer(doc: Doc, text: string): void {
  drawText(doc, text, {
    x: PAGE.margin,
    y: PAGE.height - PAGE.margin - 14,
    width: INNER,
    size: 7.5,
    direction: 'ltr',
    align: 'center',
    color: GREY,
  })
}

export function toBuffer(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.end()
  })
}
