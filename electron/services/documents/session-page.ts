import type { Language } from '@shared/settings/language'
import { BOTTOM, type Flow } from './flow'
import { drawText, measureText } from './layout/draw'
import type { Direction } from './layout/paragraph'
import { INNER, PAGE, t, type Doc } from './page'

/**
 * The parts the attendance sheet and the session report share (issue 6). Unlike the
 * artisan's papers, which are bilingual side by side, these are in one language (Arabic
 * or French), set in that language's direction: a title, section headings, label/value
 * rows, a short reminder at the top of each following page, and numbered pages.
 */
const GREY = '#555555'
const RULE = '#b9c4bf'
const ACCENT = '#1d5c4d'

export const directionOf = (lang: Language): Direction => (lang === 'ar' ? 'rtl' : 'ltr')
/** Naskh reads smaller than Noto Sans at the same size. */
const sized = (dir: Direction, size: number) => (dir === 'rtl' ? size + 1 : size)

export function documentTitle(doc: Doc, y: number, text: string, dir: Direction): number {
  return (
    y +
    drawText(doc, text, {
      x: PAGE.margin,
      y,
      width: INNER,
      size: sized(dir, 18),
      weight: 'bold',
      direction: dir,
      align: 'center',
      leading: 1.5,
      color: ACCENT,
    }) +
    4
  )
}

/** A section heading with a rule under it, kept with at least `keep` points of what follows. */
export function sectionHeading(f: Flow, text: string, dir: Direction, keep = 40): void {
  f.room(34 + keep)
  const y = f.y + 8
  drawText(f.doc, text, {
    x: PAGE.margin,
    y,
    width: INNER,
    size: sized(dir, 11.5),
    weight: 'bold',
    direction: dir,
  })
  const below = y + 21
  f.doc
    .moveTo(PAGE.margin, below)
    .lineTo(PAGE.width - PAGE.margin, below)
    .lineWidth(0.5)
  f.doc.strokeColor(RULE).stroke()
  f.y = below + 6
}

const LABEL = 120

/** Label (start side, grey) and value rows; each row kept whole on a page. */
export function facts(f: Flow, rows: { label: string; value: string }[], dir: Direction): void {
  for (const r of rows) {
    if (!r.value) continue
    const value = { size: sized(dir, 10), width: INNER - LABEL - 10, direction: dir }
    const label = { size: sized(dir, 9), width: LABEL, direction: dir, color: GREY }
    const h = Math.max(measureText(r.value, value), measureText(r.label, label), 16) + 2
    f.room(h)
    const labelX = dir === 'rtl' ? PAGE.margin + INNER - LABEL : PAGE.margin
    const valueX = dir === 'rtl' ? PAGE.margin : PAGE.margin + LABEL + 10
    drawText(f.doc, r.label, { ...label, x: labelX, y: f.y + 1 })
    drawText(f.doc, r.value, { ...value, x: valueX, y: f.y })
    f.y += h
  }
}

/** A paragraph across the page, kept whole. */
/** The height `note` will take (for a heading kept with what follows it). */
export function noteHeight(text: string, dir: Direction, size = 9): number {
  return measureText(text, { size: sized(dir, size), width: INNER, direction: dir }) + 4
}

export function note(f: Flow, text: string, dir: Direction, color = GREY, size = 9): void {
  const style = { size: sized(dir, size), width: INNER, direction: dir, color }
  const h = noteHeight(text, dir, size)
  f.room(h)
  drawText(f.doc, text, { ...style, x: PAGE.margin, y: f.y })
  f.y += h
}

/** At the top of each following page: what the document is, under a thin rule. */
export function continuation(text: string, dir: Direction) {
  return (doc: Doc): number => {
    const y = PAGE.margin
    drawText(doc, text, { x: PAGE.margin, y, width: INNER, size: 9, direction: dir, color: GREY })
    doc
      .moveTo(PAGE.margin, y + 20)
      .lineTo(PAGE.width - PAGE.margin, y + 20)
      .lineWidth(0.5)
    doc.strokeColor(RULE).stroke()
    return y + 30
  }
}

/** "text · page n / N" at the foot of every page (the document keeps its pages open). */
export function pageFooters(doc: Doc, lang: Language, text: string): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const page = t(lang, 'documents.page', { n: i - range.start + 1, total: range.count })
    drawText(doc, `${text} · ${page} · Sijill`, {
      x: PAGE.margin,
      y: BOTTOM + 12,
      width: INNER,
      size: sized(directionOf(lang), 7.5),
      direction: directionOf(lang),
      align: 'center',
      color: GREY,
    })
  }
}
