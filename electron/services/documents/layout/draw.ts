import PDFDocument from 'pdfkit'
import { font, FACES, shapedWords, type Weight } from './fonts'
import { layoutParagraph, type ParagraphStyle } from './paragraph'
import { encodeSubset, type GlyphSubset } from './subset'

/**
 * Draws laid-out text into a pdfkit document: each piece placed at its x on its line.
 * Returns the height used.
 *
 * Fonts: pdfkit would parse every font file again for each new document and shape every
 * word again; at the counter that is most of a certificate's time. So each document gets
 * pdfkit's own embedded-font objects built over the fonts this process parsed once
 * (fonts.ts), sharing one bounded cache of shaped words per font. Each document still
 * embeds only the glyphs it uses, subset by copying bytes (subset.ts). (pdfkit 0.17:
 * `_fontFamilies`, `_fontCount`, `layoutCache`, `subset.encode` — checked by
 * tests/unit/text-layout.test.ts.)
 */
type Doc = InstanceType<typeof PDFDocument>
type EmbeddedFont = {
  font: unknown
  layoutCache?: Record<string, unknown>
  subset: GlyphSubset & { encode(): Buffer }
}
type EmbeddedFontClass = new (doc: Doc, font: unknown, id: string) => EmbeddedFont
interface FontInternals {
  _font: EmbeddedFont
  _fontFamilies: Record<string, EmbeddedFont>
  _fontCount: number
}
const registered = new WeakSet<Doc>()
let embeddedFont: EmbeddedFontClass | null = null
/** pdfkit's embedded-font class, learnt once from a scratch document. */
function embeddedFontClass(): EmbeddedFontClass {
  if (!embeddedFont) {
    const scratch = new PDFDocument({ autoFirstPage: false, font: '' })
    const f = font('latin', 'regular')
    scratch.registerFont(f.name, f.bytes).font(f.name)
    embeddedFont = (scratch as unknown as FontInternals)._font.constructor as EmbeddedFontClass
  }
  return embeddedFont
}

function registerFonts(doc: Doc): void {
  if (registered.has(doc)) return
  const Embedded = embeddedFontClass()
  const internals = doc as unknown as FontInternals
  for (const face of FACES)
    for (const weight of ['regular', 'bold'] as const) {
      const f = font(face, weight)
      doc.registerFont(f.name, f.bytes)
      const embedded = new Embedded(doc, f.font, `F${++internals._fontCount}`)
      embedded.layoutCache = shapedWords(f.name)
      const fontkitEncode = embedded.subset.encode.bind(embedded.subset)
      embedded.subset.encode = () => encodeSubset(f.bytes, embedded.subset) ?? fontkitEncode()
      internals._fontFamilies[f.name] = embedded
    }
  registered.add(doc)
}

export interface TextBox extends ParagraphStyle {
  x: number
  y: number
  /** Distance between baselines, as a multiple of the size (Naskh needs room). */
  leading?: number
  color?: string
}

/** The height `drawText` would use, without drawing (to decide whether it fits the page). */
export function measureText(text: string, box: Omit<TextBox, 'x' | 'y'>): number {
  return layoutParagraph(text, box).length * box.size * (box.leading ?? 1.6)
}

/** A number as PDF content writes it (pdfkit's rounding: six decimals at most). */
const num = (n: number) => String(Math.round(n * 1e6) / 1e6)

interface Position {
  xAdvance: number
  advanceWidth: number
  xOffset: number
  yOffset: number
}
interface PdfFont extends EmbeddedFont {
  id: string
  ascender: number
  encode(text: string): [string[], Position[]]
  ref(): unknown
}
interface PageInternals {
  page: { height: number; fonts: Record<string, unknown> }
  addContent(data: string): unknown
}

/**
 * Writes the glyphs of one piece as pdfkit's own `text()` would (same encoding, same
 * kerning and mark offsets, same baseline), without its per-call machinery: a document's
 * text is hundreds of small pieces, and that machinery was most of the time spent.
 */
function writePiece(
  d: PageInternals,
  f: PdfFont,
  size: number,
  text: string,
  x: number,
  y: number,
) {
  const [encoded, positions] = f.encode(text)
  const scale = size / 1000
  const commands: string[] = []
  let last = 0
  let moved = false
  const segment = (upTo: number) => {
    if (last < upTo) {
      const p = positions[upTo - 1] as Position
      commands.push(
        `<${encoded.slice(last, upTo).join('')}> ${num(-(p.xAdvance - p.advanceWidth))}`,
      )
    }
    last = upTo
  }
  const flush = (upTo: number) => {
    segment(upTo)
    if (commands.length) d.addContent(`[${commands.join(' ')}] TJ`)
    commands.length = 0
  }
  d.addContent(`1 0 0 1 ${num(x)} ${num(y)} Tm`)
  let i = 0
  for (; i < positions.length; i++) {
    const p = positions[i] as Position
    if (p.xOffset || p.yOffset) {
      flush(i)
      d.addContent(`1 0 0 1 ${num(x + p.xOffset * scale)} ${num(y + p.yOffset * scale)} Tm`)
      flush(i + 1)
      moved = true
    } else {
      if (moved) {
        d.addContent(`1 0 0 1 ${num(x)} ${num(y)} Tm`)
        moved = false
      }
      if (p.xAdvance - p.advanceWidth !== 0) segment(i + 1)
    }
    x += p.xAdvance * scale
  }
  flush(i)
}

export function drawText(doc: Doc, text: string, box: TextBox): number {
  registerFonts(doc)
  const lines = layoutParagraph(text, box)
  const step = box.size * (box.leading ?? 1.6)
  const weight: Weight = box.weight ?? 'regular'
  if (!lines.some((line) => line.pieces.length)) return lines.length * step
  const d = doc as unknown as PageInternals & FontInternals
  const height = d.page.height
  doc.save()
  doc.fillColor(box.color ?? '#000000')
  // Back to PDF's own upward y for the text object, as pdfkit does for each piece.
  d.addContent(`1 0 0 -1 0 ${num(height)} cm`)
  d.addContent('BT')
  let current: PdfFont | null = null
  lines.forEach((line, n) => {
    for (const piece of line.pieces) {
      const f = d._fontFamilies[font(piece.face, weight).name] as PdfFont
      if (f !== current) {
        d.page.fonts[f.id] ??= f.ref()
        d.addContent(`/${f.id} ${num(box.size)} Tf`)
        current = f
      }
      // pdfkit's baseline: the top of the box, lowered by the font's ascender.
      const y = height - (box.y + n * step) - (f.ascender / 1000) * box.size
      writePiece(d, f, box.size, piece.text, box.x + piece.x, y)
    }
  })
  d.addContent('ET')
  doc.restore()
  return lines.length * step
}
