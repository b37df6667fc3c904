/** fontkit (fonts parsed, shaped and measured; pdfkit uses it too): the parts Sijill uses. */
declare module 'fontkit' {
  export interface GlyphRun {
    advanceWidth: number
    direction: 'ltr' | 'rtl'
  }
  export interface Font {
    unitsPerEm: number
    ascent: number
    descent: number
    familyName: string
    hasGlyphForCodePoint(codePoint: number): boolean
    layout(text: string, features?: string[]): GlyphRun
  }
  export function create(buffer: Buffer): Font
}
