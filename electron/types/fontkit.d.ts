/** fontkit (fonts parsed, shaped and measured; pdfkit uses it too): the parts Sijill uses. */
declare module 'fontkit' {
  export interface GlyphPosition {
    xAdvance: number
    yAdvance: number
    xOffset: number
    yOffset: number
  }
  export interface GlyphRun {
    advanceWidth: number
    direction: 'ltr' | 'rtl'
    glyphs: { id: number; advanceWidth: number }[]
    positions: GlyphPosition[]
  }
  export interface Glyph {
    id: number
    advanceWidth: number
    path: { toSVG(): string }
    /** The parsed outline record (internal; tests check composite glyphs with it). */
    _decode(): { numberOfContours: number } | null
  }
  export interface Font {
    unitsPerEm: number
    numGlyphs: number
    getGlyph(id: number): Glyph
    glyphForCodePoint(codePoint: number): Glyph
    ascent: number
    descent: number
    familyName: string
    hasGlyphForCodePoint(codePoint: number): boolean
    layout(text: string, features?: string[]): GlyphRun
  }
  export function create(buffer: Buffer): Font
}
