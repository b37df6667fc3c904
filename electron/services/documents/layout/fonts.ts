import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import * as fontkit from 'fontkit'

/**
 * The fonts every document is set in, from `resources/fonts` (OFL, shipped with the app;
 * never the system's): Noto Naskh Arabic for Arabic, Noto Sans Tifinagh for Amazigh, Noto
 * Sans for Latin, digits and punctuation. Parsed once per process; each document embeds
 * only the glyphs it uses (pdfkit subsets).
 */
export const FACES = ['arabic', 'latin', 'tifinagh'] as const
export type Face = (typeof FACES)[number]
export type Weight = 'regular' | 'bold'

const FILES: Record<Face, Record<Weight, string>> = {
  arabic: { regular: 'NotoNaskhArabic-Regular.ttf', bold: 'NotoNaskhArabic-Bold.ttf' },
  latin: { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' },
  tifinagh: { regular: 'NotoSansTifinagh-Regular.ttf', bold: 'NotoSansTifinagh-Regular.ttf' },
}

/** `resources/fonts`: beside a packaged app, else found above this file (sources or build). */
export function fontsDir(): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath
  const candidates = [process.env.SIJILL_FONTS_DIR, packaged && join(packaged, 'fonts')]
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir))
    candidates.push(join(dir, 'resources', 'fonts'))
  const found = candidates.find(
    (d): d is string => Boolean(d) && existsSync(join(d as string, FILES.latin.regular)),
  )
  if (!found) throw new Error('resources/fonts not found')
  return found
}

export interface LoadedFont {
  /** The name the font is registered under in a PDF document. */
  name: string
  bytes: Buffer
  font: fontkit.Font
}

let loaded: Map<string, LoadedFont> | null = null

export function font(face: Face, weight: Weight = 'regular'): LoadedFont {
  if (!loaded) {
    loaded = new Map()
    const dir = fontsDir()
    for (const f of FACES)
      for (const w of ['regular', 'bold'] as const) {
        const file = FILES[f][w]
        const bytes = readFileSync(join(dir, file))
        loaded.set(`${f}-${w}`, { name: `${f}-${w}`, bytes, font: fontkit.create(bytes) })
      }
  }
  return loaded.get(`${face}-${weight}`) as LoadedFont
}

const ARABIC = /\p{Script_Extensions=Arabic}/u
const TIFINAGH = /\p{Script=Tifinagh}/u

/**
 * The face a character is set in: Arabic letters, marks (tashkeel), Arabic-Indic digits and
 * Arabic punctuation in Naskh;
 * Tifinagh in Noto Sans Tifinagh; everything else (Latin, Western digits, common
 * punctuation, spaces) in Noto Sans.
 */
export function faceOf(char: string): Face {
  if (ARABIC.test(char)) return 'arabic'
  if (TIFINAGH.test(char)) return 'tifinagh'
  return 'latin'
}

/**
 * Shaped words in the form pdfkit keeps them (positions in thousandths of an em, each with
 * its glyph's advance), one cache per font shared by every document: the layout fills it
 * as it measures (paragraph.ts), pdfkit reads it as it writes (draw.ts), so a word is
 * shaped once. Bounded: past a limit a font's cache starts afresh.
 */
type PdfRun = fontkit.GlyphRun
const words = new Map<string, { cache: Record<string, PdfRun>; size: number }>()
const WORDS_MAX = 20_000

export function shapedWords(name: string): Record<string, PdfRun> {
  let entry = words.get(name)
  if (!entry || entry.size > WORDS_MAX) {
    entry = { cache: Object.create(null) as Record<string, PdfRun>, size: 0 }
    words.set(name, entry)
  }
  return entry.cache
}

/** Keeps a run fontkit shaped for `text` in a font, converted as pdfkit converts its own. */
export function rememberShaped(f: LoadedFont, text: string, run: PdfRun): void {
  const cache = shapedWords(f.name)
  if (cache[text]) return
  const scale = 1000 / f.font.unitsPerEm
  run.positions.forEach((p, i) => {
    p.xAdvance *= scale
    p.yAdvance *= scale
    p.xOffset *= scale
    p.yOffset *= scale
    ;(p as typeof p & { advanceWidth: number }).advanceWidth =
      (run.glyphs[i]?.advanceWidth ?? 0) * scale
  })
  cache[text] = run
  ;(words.get(f.name) as { size: number }).size++
}
