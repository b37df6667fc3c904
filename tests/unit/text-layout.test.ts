import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { ltr } from '../../shared/text/bidi'
import { drawText } from '../../electron/services/documents/layout/draw'
import { layoutParagraph, type Line } from '../../electron/services/documents/layout/paragraph'

const rtl = { size: 12, direction: 'rtl' as const, width: 400 }
/** A line's pieces from left to right, as text handed to pdfkit (Arabic: logical order). */
const leftToRight = (line: Line | undefined) =>
  [...(line?.pieces ?? [])].sort((a, b) => a.x - b.x).map((p) => p.text)

describe('the text layout of documents', () => {
  it('keeps a CIN left to right inside an Arabic sentence, the sentence right to left', () => {
    const [line] = layoutParagraph(`رقم البطاقة الوطنية: ${ltr('AB123456')}`, rtl)
    expect(leftToRight(line)).toEqual(['AB123456', ':', 'الوطنية', 'البطاقة', 'رقم'])
  })

  it('keeps an isolated date and a spaced phone number whole and in order', () => {
    const [line] = layoutParagraph(
      `بتاريخ ${ltr('2026-11-23')} الهاتف ${ltr('06 61 23 45 67')}`,
      rtl,
    )
    expect(leftToRight(line)).toEqual([
      '06',
      '61',
      '23',
      '45',
      '67',
      'الهاتف',
      '2026-11-23',
      'بتاريخ',
    ])
  })

  it('mirrors brackets in right-to-left text and sets each script in its own face', () => {
    const [line] = layoutParagraph('(مكتب تيزنيت) ⵜⵉⵣⵏⵉⵜ', rtl)
    const pieces = [...(line?.pieces ?? [])].sort((a, b) => a.x - b.x)
    expect(pieces.map((p) => p.text)).toEqual(['ⵜⵉⵣⵏⵉⵜ', '(', 'تيزنيت', 'مكتب', ')'])
    expect(pieces.map((p) => p.face)).toEqual(['tifinagh', 'latin', 'arabic', 'arabic', 'latin'])
  })

  it('wraps long names and addresses within the box, aligned to the start of the paragraph', () => {
    const text =
      'صانع تقليدي في الزربية المعقودة بجماعة تيزنيت، إقليم تيزنيت، جهة سوس ماسة، المسجل تحت الرقم الوطني'
    const lines = layoutParagraph(text, { ...rtl, width: 150 })
    expect(lines.length).toBeGreaterThan(2)
    for (const line of lines) {
      expect(line.width).toBeLessThanOrEqual(150)
      const right = Math.max(...line.pieces.map((p) => p.x + p.width))
      expect(right).toBeCloseTo(150, 3)
    }
    const word = 'Abdelkaderabdelkaderabdelkaderabdelkader'
    const cut = layoutParagraph(word, { size: 12, direction: 'ltr', width: 80 })
    expect(cut.length).toBeGreaterThan(1)
    expect(cut.map((l) => l.pieces.map((p) => p.text).join('')).join('')).toBe(word)
  })

  it('refuses, before drawing, a character the fonts cannot draw', () => {
    expect(() => layoutParagraph('محمد 中', rtl)).toThrow(
      expect.objectContaining({
        data: expect.objectContaining({
          key: 'errors.glyph_missing',
          params: { char: '中', code: 'U+4E2D' },
        }),
      }),
    )
  })

  it('writes a PDF whose text reads back with numbers left to right and fonts embedded as subsets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sijill-layout-'))
    try {
      const doc = new PDFDocument({ size: 'A4', margin: 40 })
      const chunks: Buffer[] = []
      doc.on('data', (c: Buffer) => chunks.push(c))
      const done = new Promise((resolve) => doc.on('end', resolve))
      drawText(doc, `السيد محمد العلوي، رقم البطاقة ${ltr('AB123456')}`, { ...rtl, x: 40, y: 40 })
      drawText(doc, 'ⵜⴰⵎⴰⵣⵉⵖⵜ — Registre National', { ...rtl, direction: 'ltr', x: 40, y: 80 })
      doc.end()
      await done
      const file = join(dir, 'layout.pdf')
      writeFileSync(file, Buffer.concat(chunks))
      const text = execFileSync('pdftotext', ['-raw', file, '-']).toString('utf8')
      expect(text).toContain('AB123456')
      expect(text).toContain('ⵜⴰⵎⴰⵣⵉⵖⵜ')
      expect(text).toMatch(/محمد/)
      const fonts = execFileSync('pdffonts', [file]).toString('utf8')
      for (const name of ['NotoNaskhArabic', 'NotoSans-Regular', 'NotoSansTifinagh'])
        expect(fonts).toMatch(new RegExp(`[A-Z]{6}\\+${name}.*yes\\s+yes`))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
