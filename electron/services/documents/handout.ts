import PDFDocument from 'pdfkit'
import type { HandoutLanguage, PaperSize } from '@shared/sessions/handout'
import { handoutBlocks, type HandoutBlock } from '@shared/sessions/handout-blocks'
import { isolate, ltr } from '@shared/text/bidi'
import { formatMoroccanPhone } from '@shared/validation/phone'
import { drawText, measureText, type TextBox } from './layout/draw'
import { toBuffer, type Chamber, type Doc } from './page'

/**
 * The handout given at sessions (issue 6): the chamber's name at the top in the handout's
 * language, the title, the date, time and place of the session when there is one, then
 * the text — headings, bullets, paragraphs — in large type for people who read little.
 * Arabic runs right to left; Amazigh (Tifinagh) and French left to right; every script
 * in its own font (layout/). A4 or A5; text that does not fit goes on to the next page,
 * never cut, and pages are then numbered.
 */
export interface HandoutContent {
  lang: HandoutLanguage
  size: PaperSize
  title: string
  body: string
  chamber: Chamber
  /** Labelled lines under the title (date, time, place), already in the language. */
  session: { label: string; value: string }[] | null
}

interface Geometry {
  size: 'A4' | 'A5'
  width: number
  height: number
  margin: number
  title: number
  heading: number
  text: number
  logo: number
}
const GEOMETRY: Record<PaperSize, Geometry> = {
  a4: {
    size: 'A4',
    width: 595.28,
    height: 841.89,
    margin: 44,
    title: 21,
    heading: 14.5,
    text: 12.5,
    logo: 52,
  },
  a5: {
    size: 'A5',
    width: 419.53,
    height: 595.28,
    margin: 30,
    title: 15.5,
    heading: 11.5,
    text: 10,
    logo: 38,
  },
}
const ACCENT = '#1d5c4d'
const INK = '#1f2421'
const GREY = '#5b625e'
const TINT = '#edf3f0'
const RULE = '#b9c4bf'
const LEADING = 1.5

/** Naskh reads smaller than Noto Sans at the same size: Arabic is set a little larger. */
const sized = (lang: HandoutLanguage, size: number) => (lang === 'ar' ? size * 1.12 : size)

class HandoutPage {
  readonly dir: 'rtl' | 'ltr'
  readonly inner: number
  readonly bottom: number
  y: number

  constructor(
    readonly doc: Doc,
    readonly g: Geometry,
    readonly lang: HandoutLanguage,
  ) {
    this.dir = lang === 'ar' ? 'rtl' : 'ltr'
    this.inner = g.width - 2 * g.margin
    this.bottom = g.height - g.margin - g.text * 0.5
    this.y = g.margin
  }

  box(size: number, extra: Partial<TextBox> = {}): Omit<TextBox, 'x' | 'y'> {
    return {
      size: sized(this.lang, size),
      width: this.inner,
      direction: this.dir,
      leading: LEADING,
      ...extra,
    }
  }

  newPage(): void {
    this.doc.addPage()
    this.y = this.g.margin
  }

  /** Room for `height` points below the cursor, on a new page when this one is full. */
  room(height: number): void {
    if (this.y + height > this.bottom && this.y > this.g.margin) this.newPage()
  }

  /**
   * Draws text at the cursor, x offset from the start side; a text taller than the room
   * left is split between words and goes on on the next pages.
   */
  flow(text: string, style: Omit<TextBox, 'x' | 'y'>, indent = 0): void {
    const x = this.dir === 'rtl' ? this.g.margin : this.g.margin + indent
    let rest = text
    while (rest) {
      const height = measureText(rest, style)
      if (this.y + height <= this.bottom) {
        this.y += drawText(this.doc, rest, { ...style, x, y: this.y })
        return
      }
      const words = rest.split(' ')
      let fit = 0
      for (let lo = 1, hi = words.length - 1; lo <= hi;) {
        const mid = (lo + hi) >> 1
        if (this.y + measureText(words.slice(0, mid).join(' '), style) <= this.bottom) {
          fit = mid
          lo = mid + 1
        } else hi = mid - 1
      }
      if (fit === 0) {
        if (this.y === this.g.margin) fit = 1
        else {
          this.newPage()
          continue
        }
      }
      this.y += drawText(this.doc, words.slice(0, fit).join(' '), { ...style, x, y: this.y })
      rest = words.slice(fit).join(' ')
      this.newPage()
    }
  }
}

function header(p: HandoutPage, chamber: Chamber, warnings: string[]): void {
  const { doc, g } = p
  const rtl = p.dir === 'rtl'
  let textWidth = p.inner
  if (chamber.logo) {
    try {
      const x = rtl ? g.margin + p.inner - g.logo : g.margin
      doc.image(chamber.logo, x, g.margin - 4, { fit: [g.logo, g.logo] })
      textWidth -= g.logo + 12
    } catch {
      warnings.push('errors.logo_unreadable')
    }
  }
  const x = rtl || !chamber.logo ? g.margin : g.margin + g.logo + 12
  const names =
    p.lang === 'ar'
      ? [{ text: chamber.nameAr, direction: 'rtl' as const }]
      : p.lang === 'fr'
        ? [{ text: chamber.nameFr, direction: 'ltr' as const }]
        : [
            { text: chamber.nameFr, direction: 'ltr' as const },
            { text: chamber.nameAr, direction: 'rtl' as const },
          ]
  let y = g.margin
  names.forEach((name, i) => {
    y += drawText(doc, name.text, {
      x,
      y,
      width: textWidth,
      size: (name.direction === 'rtl' ? 1.1 : 1) * g.text * (i === 0 ? 1.05 : 0.9),
      weight: i === 0 ? 'bold' : 'regular',
      direction: name.direction,
      align: name.direction === p.dir ? 'start' : 'end',
      color: INK,
      leading: 1.45,
    })
  })
  const contact = `${isolate(chamber.address)} — ${ltr(formatMoroccanPhone(chamber.phone))}`
  y += drawText(doc, contact, {
    x,
    y: y + 1,
    width: textWidth,
    size: g.text * 0.72,
    direction: p.dir,
    color: GREY,
  })
  const below = Math.max(y + 6, chamber.logo ? g.margin + g.logo + 2 : 0)
  doc
    .moveTo(g.margin, below)
    .lineTo(g.width - g.margin, below)
    .lineWidth(1.6)
  doc.strokeColor(ACCENT).stroke()
  p.y = below + g.text * 1.1
}

function session(p: HandoutPage, lines: { label: string; value: string }[]): void {
  const { doc, g } = p
  const pad = g.text * 0.8
  const labelWidth = p.inner * 0.24
  const valueWidth = p.inner - labelWidth - 2 * pad - 8
  const size = sized(p.lang, g.text * 0.95)
  const heights = lines.map((l) =>
    Math.max(
      measureText(l.label, { size, width: labelWidth, direction: p.dir, weight: 'bold' }),
      measureText(l.value, { size, width: valueWidth, direction: p.dir }),
    ),
  )
  const height = heights.reduce((a, b) => a + b, 0) + 2 * pad
  p.room(height + g.text)
  doc.roundedRect(g.margin, p.y, p.inner, height, 6).fillColor(TINT).fill()
  doc
    .rect(p.dir === 'rtl' ? g.margin + p.inner - 4 : g.margin, p.y, 4, height)
    .fillColor(ACCENT)
    .fill()
  let y = p.y + pad
  lines.forEach((l, i) => {
    const labelX = p.dir === 'rtl' ? g.margin + p.inner - pad - labelWidth : g.margin + pad
    const valueX = p.dir === 'rtl' ? g.margin + pad : g.margin + pad + labelWidth + 8
    drawText(doc, l.label, {
      x: labelX,
      y,
      width: labelWidth,
      size,
      weight: 'bold',
      direction: p.dir,
      color: ACCENT,
    })
    drawText(doc, l.value, { x: valueX, y, width: valueWidth, size, direction: p.dir, color: INK })
    y += heights[i] ?? 0
  })
  p.y += height + g.text
}

function heightOf(p: HandoutPage, block: HandoutBlock): number {
  const g = p.g
  if (block.kind === 'heading')
    return measureText(block.text, p.box(g.heading, { weight: 'bold', leading: 1.45 }))
  const indent = block.kind === 'bullet' ? g.text * 1.4 : 0
  return measureText(block.text, { ...p.box(g.text), width: p.inner - indent })
}

function drawBlock(p: HandoutPage, block: HandoutBlock, next: HandoutBlock | undefined): void {
  const { doc, g } = p
  if (block.kind === 'heading') {
    const style = p.box(g.heading, { weight: 'bold', color: ACCENT, leading: 1.45 })
    // A heading is kept with the start of what follows it.
    const following = next ? Math.min(heightOf(p, next), g.text * LEADING * 2) : 0
    p.room(g.text * 0.7 + heightOf(p, block) + following)
    if (p.y > g.margin) p.y += g.text * 0.7
    p.flow(block.text, style)
    p.y += g.text * 0.25
    return
  }
  if (block.kind === 'paragraph') {
    p.room(Math.min(heightOf(p, block), g.text * LEADING * 2))
    p.flow(block.text, p.box(g.text, { color: INK }))
    p.y += g.text * 0.5
    return
  }
  const indent = g.text * 1.4
  p.room(Math.min(heightOf(p, block), g.text * LEADING * 2))
  // The bullet: a small disc in the accent colour at the start of the first line.
  const cx = p.dir === 'rtl' ? g.margin + p.inner - indent / 2 : g.margin + indent / 2
  doc
    .circle(cx, p.y + sized(p.lang, g.text) * 0.8, g.text * 0.17)
    .fillColor(ACCENT)
    .fill()
  p.flow(block.text, { ...p.box(g.text, { color: INK }), width: p.inner - indent }, indent)
  p.y += g.text * 0.2
}

/** "chamber · phone" and, when there are several pages, "n / N", at the foot of each page. */
function footers(p: HandoutPage, chamber: Chamber): void {
  const { doc, g } = p
  const range = doc.bufferedPageRange()
  const name = p.lang === 'ar' ? chamber.nameAr : chamber.nameFr
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const y = g.height - g.margin + g.text * 0.2
    doc
      .moveTo(g.margin, y - 5)
      .lineTo(g.width - g.margin, y - 5)
      .lineWidth(0.5)
    doc.strokeColor(RULE).stroke()
    const page = range.count > 1 ? ` · ${ltr(`${i - range.start + 1} / ${range.count}`)}` : ''
    drawText(doc, `${name} · ${ltr(formatMoroccanPhone(chamber.phone))}${page}`, {
      x: g.margin,
      y,
      width: p.inner,
      size: g.text * 0.62,
      direction: p.lang === 'ar' ? 'rtl' : 'ltr',
      align: 'center',
      color: GREY,
    })
  }
}

export async function renderHandout(
  c: HandoutContent,
): Promise<{ pdf: Buffer; warnings: string[] }> {
  const g = GEOMETRY[c.size]
  const doc = new PDFDocument({
    size: g.size,
    margin: g.margin,
    info: { Title: c.title, Creator: 'Sijill', Producer: 'Sijill' },
    autoFirstPage: true,
    bufferPages: true,
    lang: c.lang,
    // No standard font: everything is set in the document fonts (layout/draw.ts).
    font: '',
  })
  const warnings: string[] = []
  const p = new HandoutPage(doc, g, c.lang)
  header(p, c.chamber, warnings)
  p.flow(c.title, p.box(g.title, { weight: 'bold', align: 'center', color: ACCENT, leading: 1.4 }))
  p.y += g.text * 0.7
  if (c.session?.length) session(p, c.session)
  const blocks = handoutBlocks(c.body)
  blocks.forEach((block, i) => drawBlock(p, block, blocks[i + 1]))
  footers(p, c.chamber)
  return { pdf: await toBuffer(doc), warnings }
}
