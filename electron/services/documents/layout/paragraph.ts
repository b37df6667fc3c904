import bidiFactory, { type EmbeddingLevels } from 'bidi-js'
import { appError } from '@shared/errors'
import { faceOf, font, rememberShaped, type Face, type Weight } from './fonts'

/**
 * The text layout every document uses (docs/documents.md): a paragraph of logical text in any
 * mix of Arabic, Latin, digits and Tifinagh → bidi levels (UAX #9, bidi-js, in the
 * paragraph's direction) → words measured in the face of each script → lines broken by
 * measured width → each line put in visual order, mirrored brackets, and cut into pieces
 * of one face and one word, placed from the line's start. Numbers, CINs and dates inside
 * an Arabic sentence keep reading left to right. A character no font can draw is refused
 * before anything is drawn.
 */
const bidi = bidiFactory()

export type Direction = 'rtl' | 'ltr'
export type Align = 'start' | 'end' | 'center'

export interface ParagraphStyle {
  /** Font size in points. */
  size: number
  weight?: Weight
  direction: Direction
  align?: Align
  /** Box width in points. */
  width: number
}

/** One piece of a line: set in one face, handed to pdfkit as `text`, `x` from the box's left. */
export interface Piece {
  text: string
  face: Face
  x: number
  width: number
}

export interface Line {
  pieces: Piece[]
  width: number
}

/** Bidi controls and other format characters steer the order; they are never drawn. */
const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/
const SPACE = /\s/

/**
 * Shaping a run is the costly part of layout, and documents repeat the same runs (labels,
 * titles, common names): each run's advance (in ems) and direction is remembered, bounded.
 */
interface Shaped {
  ems: number
  rtl: boolean
}
const shapedRuns = new Map<string, Shaped>()
function shape(text: string, face: Face, weight: Weight | undefined): Shaped {
  const key = `${face}|${weight ?? 'regular'}|${text}`
  let hit = shapedRuns.get(key)
  if (!hit) {
    const f = font(face, weight)
    const run = f.font.layout(text)
    hit = { ems: run.advanceWidth / f.font.unitsPerEm, rtl: run.direction === 'rtl' }
    rememberShaped(f, text, run) // pdfkit will write this very run
    if (shapedRuns.size >= 50_000) shapedRuns.clear()
    shapedRuns.set(key, hit)
  }
  return hit
}

function widthOf(text: string, face: Face, style: ParagraphStyle): number {
  return shape(text, face, style.weight).ems * style.size
}

/** Refuses, before drawing, any character the document's fonts cannot draw. */
export function checkCoverage(text: string, weight: Weight = 'regular'): void {
  for (const char of text) {
    if (SPACE.test(char) || INVISIBLE.test(char)) continue
    const cp = char.codePointAt(0) as number
    if (!font(faceOf(char), weight).font.hasGlyphForCodePoint(cp)) {
      throw appError('validation', 'errors.glyph_missing', {
        char,
        code: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`,
      })
    }
  }
}

/** Width of the logical text [start, end) set piece by piece (faces change inside words). */
function logicalWidth(text: string, start: number, end: number, style: ParagraphStyle): number {
  let width = 0
  let runStart = start
  for (let i = start; i <= end; i++) {
    const boundary = i === end || faceOf(text[i] as string) !== faceOf(text[runStart] as string)
    if (!boundary) continue
    const piece = [...text.slice(runStart, i)].filter((c) => !INVISIBLE.test(c)).join('')
    if (piece) width += widthOf(piece, faceOf(text[runStart] as string), style)
    runStart = i
  }
  return width
}

/** Greedy line breaking at spaces by measured width; a word wider than the box is cut. */
function breakLines(text: string, style: ParagraphStyle): [number, number][] {
  const space = widthOf(' ', 'latin', style)
  const words: [number, number][] = []
  for (const m of text.matchAll(/\S+/g)) words.push([m.index, m.index + m[0].length])
  const lines: [number, number][] = []
  let line: [number, number] | null = null
  let used = 0
  for (const [start, end] of words) {
    const w = logicalWidth(text, start, end, style)
    if (line && used + space + w <= style.width) {
      line[1] = end
      used += space + w
      continue
    }
    if (line) lines.push(line)
    if (w <= style.width) {
      line = [start, end]
      used = w
      continue
    }
    // A word wider than the box: cut it where it overflows.
    let from = start
    for (let i = start + 1; i <= end; i++) {
      if (i === end || logicalWidth(text, from, i + 1, style) > style.width) {
        if (i === end) {
          line = [from, end]
          used = logicalWidth(text, from, end, style)
        } else {
          lines.push([from, i])
          from = i
        }
      }
    }
  }
  if (line) lines.push(line)
  return lines
}

/** Logical indices of [start, end) in visual order. */
function visualOrder(text: string, levels: EmbeddingLevels, start: number, end: number): number[] {
  const order = Array.from({ length: end - start }, (_, i) => start + i)
  for (const [from, to] of bidi.getReorderSegments(text, levels, start, end - 1)) {
    const slice = order.slice(from - start, to - start + 1).reverse()
    order.splice(from - start, slice.length, ...slice)
  }
  return order
}

function layoutLine(
  text: string,
  levels: EmbeddingLevels,
  [start, end]: [number, number],
  style: ParagraphStyle,
): Line {
  const space = widthOf(' ', 'latin', style)
  const pieces: Piece[] = []
  let x = 0
  let chars: string[] = []
  let face: Face | null = null
  let odd = false
  const flush = () => {
    if (chars.length && face) {
      const visual = chars.join('')
      // fontkit shapes right-to-left scripts and returns their glyphs reversed: hand it
      // the logical order then, so that it comes out in the visual order wanted here.
      const reverses = shape(visual, face, style.weight).rtl
      const given = reverses ? [...chars].reverse().join('') : visual
      const width = widthOf(given, face, style)
      pieces.push({ text: given, face, x, width })
      x += width
    }
    chars = []
  }
  for (const i of visualOrder(text, levels, start, end)) {
    let char = text[i] as string
    if (INVISIBLE.test(char)) continue
    if (SPACE.test(char)) {
      flush()
      x += space
      continue
    }
    const isOdd = (levels.levels[i] ?? 0) % 2 === 1
    if (isOdd) char = bidi.getMirroredCharacter(char) ?? char
    const charFace = faceOf(char)
    if (charFace !== face || isOdd !== odd) flush()
    face = charFace
    odd = isOdd
    chars.push(char)
  }
  flush()
  const shift =
    style.align === 'center'
      ? (style.width - x) / 2
      : (style.align ?? 'start') === 'start'
        ? style.direction === 'rtl'
          ? style.width - x
          : 0
        : style.direction === 'rtl'
          ? 0
          : style.width - x
  return { pieces: pieces.map((p) => ({ ...p, x: p.x + shift })), width: x }
}

/**
 * Lays out text (paragraphs separated by line breaks) in a box of the style's width.
 * Layouts are remembered (bounded): a batch repeats every label on every page.
 */
const layouts = new Map<string, Line[]>()
export function layoutParagraph(text: string, style: ParagraphStyle): Line[] {
  const key = `${style.size}|${style.weight ?? ''}|${style.direction}|${style.align ?? ''}|${style.width}|${text}`
  const known = layouts.get(key)
  if (known) return known
  const lines = layoutUncached(text, style)
  if (layouts.size >= 5_000) layouts.clear()
  layouts.set(key, lines)
  return lines
}

function layoutUncached(text: string, style: ParagraphStyle): Line[] {
  checkCoverage(text, style.weight)
  const lines: Line[] = []
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const clean = paragraph.replace(/\t/g, ' ')
    if (!clean.trim()) {
      lines.push({ pieces: [], width: 0 })
      continue
    }
    const levels = bidi.getEmbeddingLevels(clean, style.direction)
    for (const range of breakLines(clean, style))
      lines.push(layoutLine(clean, levels, range, style))
  }
  return lines
}
