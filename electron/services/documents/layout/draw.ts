import type PDFDocument from 'pdfkit'
import { font, FACES, type Weight } from './fonts'
import { layoutParagraph, type ParagraphStyle } from './paragraph'

/**
 * Draws laid-out text into a pdfkit document: fonts registered once per document (pdfkit
 * subsets what is used), each piece placed at its x on its line. Returns the height used.
 */
type Doc = InstanceType<typeof PDFDocument>
const registered = new WeakSet<Doc>()

function registerFonts(doc: Doc): void {
  if (registered.has(doc)) return
  for (const face of FACES)
    for (const weight of ['regular', 'bold'] as const) {
      const f = font(face, weight)
      doc.registerFont(f.name, f.bytes)
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

export function drawText(doc: Doc, text: string, box: TextBox): number {
  registerFonts(doc)
  const lines = layoutParagraph(text, box)
  const step = box.size * (box.leading ?? 1.6)
  const weight: Weight = box.weight ?? 'regular'
  doc.save()
  doc.fillColor(box.color ?? '#000000')
  lines.forEach((line, n) => {
    for (const piece of line.pieces) {
      doc
        .font(font(piece.face, weight).name)
        .fontSize(box.size)
        .text(piece.text, box.x + piece.x, box.y + n * step, { lineBreak: false })
    }
  })
  doc.restore()
  return lines.length * step
}
