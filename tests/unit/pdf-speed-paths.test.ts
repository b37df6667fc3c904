import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as fontkit from 'fontkit'
import { create } from 'qrcode'
import { describe, expect, it } from 'vitest'
import { drawText } from '../../electron/services/documents/layout/draw'
import { font } from '../../electron/services/documents/layout/fonts'
import { encodeSubset } from '../../electron/services/documents/layout/subset'
import { newDocument, toBuffer } from '../../electron/services/documents/page'
import { penalty } from '../../electron/services/documents/qr-mask'
import { qrModules } from '../../electron/services/documents/qr'

/**
 * The fast paths of document printing (fonts shared between documents, subsetting by
 * copying bytes, direct text writing, QR mask choice) against the slow originals they
 * replace: same fonts, same glyphs, same scores.
 */
interface DocFonts {
  _fontFamilies: Record<string, { font: unknown; layoutCache?: object }>
}

// qrcode's own penalty rules (no types are published for this internal module).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rules = require('qrcode/lib/core/mask-pattern') as Record<
  'getPenaltyN1' | 'getPenaltyN2' | 'getPenaltyN3' | 'getPenaltyN4',
  (m: { size: number; data: Uint8Array }) => number
>

describe('fast paths of document printing', () => {
  it('lets every document use the fonts parsed once, and one cache of shaped words', () => {
    const a = newDocument('a')
    const b = newDocument('b')
    drawText(a, 'Fatima فاطمة ⵜⵉⵣⵏⵉⵜ', { x: 40, y: 40, width: 300, size: 12, direction: 'ltr' })
    drawText(b, 'Fatima فاطمة ⵜⵉⵣⵏⵉⵜ', { x: 40, y: 40, width: 300, size: 12, direction: 'ltr' })
    for (const face of ['latin', 'arabic', 'tifinagh'] as const) {
      const name = font(face).name
      const [fa, fb] = [a, b].map((d) => (d as unknown as DocFonts)._fontFamilies[name])
      expect(fa?.font).toBe(font(face).font)
      expect(fb?.font).toBe(font(face).font)
      expect(fa?.layoutCache).toBe(fb?.layoutCache)
    }
  })

  it('subsets a font by copying bytes: same glyphs, same metrics, composite glyphs whole', () => {
    const source = font('latin')
    // A composite glyph (an accented letter built of two others) and plain ones.
    const ids = 'Aéz'
      .split('')
      .map((c) => source.font.glyphForCodePoint(c.codePointAt(0) as number).id)
    const composite = ids[1] as number
    expect(source.font.getGlyph(composite)._decode()?.numberOfContours).toBeLessThan(0)
    const glyphs = [0]
    const mapping = new Map<number, number>([[0, 0]])
    const subset = {
      glyphs,
      includeGlyph(gid: number) {
        if (!mapping.has(gid)) mapping.set(gid, glyphs.push(gid) - 1)
        return mapping.get(gid) as number
      },
    }
    for (const id of ids) subset.includeGlyph(id)
    const file = encodeSubset(source.bytes, subset) as Buffer
    expect(glyphs.length).toBeGreaterThan(4) // the components came in
    const made = fontkit.create(file)
    expect(made.numGlyphs).toBe(glyphs.length)
    glyphs.forEach((old, i) => {
      const before = source.font.getGlyph(old)
      const after = made.getGlyph(i)
      expect(after.advanceWidth).toBe(before.advanceWidth)
      expect(after.path.toSVG()).toBe(before.path.toSVG())
    })
    // The whole file sums to the magic number, as a font file must.
    let sum = 0
    for (let i = 0; i < file.length; i += 4) sum = (sum + file.readUInt32BE(i)) >>> 0
    expect(sum).toBe(0xb1b0afba)
  })

  it('writes text that reads back, in a PDF whose embedded fonts poppler accepts', async () => {
    const doc = newDocument('check')
    const box = { x: 40, width: 500, size: 14 }
    drawText(doc, 'Récépissé ⵜⴰⵎⴰⵡⴰⵙⵜ', { ...box, y: 40, direction: 'ltr' })
    drawText(doc, 'وصل الإيداع', { ...box, y: 80, direction: 'rtl' })
    const dir = mkdtempSync(join(tmpdir(), 'sijill-pdf-'))
    try {
      const file = join(dir, 'check.pdf')
      writeFileSync(file, await toBuffer(doc))
      const fonts = execFileSync('pdffonts', [file]).toString()
      expect(fonts.match(/CID TrueType +Identity-H +yes yes yes/g)).toHaveLength(3)
      // pdftotext reads a page that has Arabic as right-to-left lines: -raw for the others.
      const read = (...args: string[]) => execFileSync('pdftotext', [...args, file, '-']).toString()
      expect(read('-raw')).toContain('Récépissé ⵜⴰⵎⴰⵡⴰⵙⵜ')
      expect(read()).toContain('وصل الإيداع')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('scores QR masks exactly as the standard rules (qrcode’s own code) do', () => {
    for (const payload of ['SJL1.short', `SJL1.${'x'.repeat(180)}.${'y'.repeat(86)}`]) {
      for (let mask = 0; mask < 8; mask++) {
        const { modules } = create(payload, {
          errorCorrectionLevel: 'M',
          maskPattern: mask as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7,
        })
        const expected =
          rules.getPenaltyN1(modules) +
          rules.getPenaltyN2(modules) +
          rules.getPenaltyN3(modules) +
          rules.getPenaltyN4(modules)
        expect(penalty(modules.data, modules.size)).toBe(expected)
      }
    }
  })

  it('draws the QR symbol of the mask with the lowest score', () => {
    const payload = `SJL1.${'a'.repeat(120)}.${'b'.repeat(86)}`
    const scores = Array.from({ length: 8 }, (_, mask) => {
      const { modules } = create([{ data: Buffer.from(payload), mode: 'byte' }], {
        errorCorrectionLevel: 'M',
        maskPattern: mask as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7,
      })
      return { modules, score: penalty(modules.data, modules.size) }
    })
    const chosen = qrModules(payload)
    const match = scores.find((s) => Buffer.from(s.modules.data).equals(Buffer.from(chosen.dark)))
    expect(match).toBeDefined()
    expect(match?.score).toBe(Math.min(...scores.map((s) => s.score)))
  })
})
