/**
 * TrueType subsetting for the PDF, by copying bytes. A document embeds, for each font, only
 * the glyphs it uses: pdfkit asks fontkit, which decodes every glyph's outline and encodes
 * every table through generic structures — half of a certificate's time. The PDF needs
 * none of that: the glyph programs are copied as they are (composite glyphs get their
 * components' new numbers), and the tables a PDF viewer reads (head, hhea, maxp, loca,
 * glyf, hmtx, plus the hinting tables cvt, prep, fpgm) are rebuilt around them. Same
 * glyphs, same metrics, same result on paper; several times faster.
 */
interface Table {
  offset: number
  length: number
}

interface SourceFont {
  bytes: Buffer
  tables: Map<string, Table>
  glyphOffset: (gid: number) => [number, number]
  metrics: (gid: number) => [number, number]
}

const parsed = new WeakMap<Buffer, SourceFont | null>()

/** The font's tables and accessors, read once per font file; null if it is not TrueType. */
function source(bytes: Buffer): SourceFont | null {
  if (parsed.has(bytes)) return parsed.get(bytes) ?? null
  const tables = new Map<string, Table>()
  const count = bytes.readUInt16BE(4)
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i
    tables.set(bytes.toString('latin1', at, at + 4), {
      offset: bytes.readUInt32BE(at + 8),
      length: bytes.readUInt32BE(at + 12),
    })
  }
  const need = ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx']
  if (!need.every((tag) => tables.has(tag))) {
    parsed.set(bytes, null)
    return null
  }
  const head = tables.get('head') as Table
  const loca = tables.get('loca') as Table
  const glyf = tables.get('glyf') as Table
  const hmtx = tables.get('hmtx') as Table
  const longLoca = bytes.readInt16BE(head.offset + 50) === 1
  const metricsCount = bytes.readUInt16BE((tables.get('hhea') as Table).offset + 34)
  const font: SourceFont = {
    bytes,
    tables,
    glyphOffset: (gid) =>
      longLoca
        ? [
            glyf.offset + bytes.readUInt32BE(loca.offset + 4 * gid),
            glyf.offset + bytes.readUInt32BE(loca.offset + 4 * gid + 4),
          ]
        : [
            glyf.offset + 2 * bytes.readUInt16BE(loca.offset + 2 * gid),
            glyf.offset + 2 * bytes.readUInt16BE(loca.offset + 2 * gid + 2),
          ],
    metrics: (gid) => {
      const last = metricsCount - 1
      const advance = bytes.readUInt16BE(hmtx.offset + 4 * Math.min(gid, last))
      const bearing =
        gid < metricsCount
          ? bytes.readInt16BE(hmtx.offset + 4 * gid + 2)
          : bytes.readInt16BE(hmtx.offset + 4 * metricsCount + 2 * (gid - metricsCount))
      return [advance, bearing]
    },
  }
  parsed.set(bytes, font)
  return font
}

/** What the subset keeps: fontkit's subset object (its glyph list grows with components). */
export interface GlyphSubset {
  glyphs: number[]
  includeGlyph(gid: number): number
}

const MORE_COMPONENTS = 0x0020
const ARGS_ARE_WORDS = 0x0001
const HAS_SCALE = 0x0008
const HAS_XY_SCALE = 0x0040
const HAS_2X2 = 0x0080

/** One glyph's program, with a composite's component numbers mapped into the subset. */
function glyphData(font: SourceFont, gid: number, subset: GlyphSubset): Buffer {
  const [start, end] = font.glyphOffset(gid)
  if (end <= start) return Buffer.alloc(0)
  const data = Buffer.from(font.bytes.subarray(start, end)) // a copy: rewritten below
  if (data.readInt16BE(0) >= 0) return data
  let at = 10
  for (;;) {
    const flags = data.readUInt16BE(at)
    data.writeUInt16BE(subset.includeGlyph(data.readUInt16BE(at + 2)), at + 2)
    at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2)
    if (flags & HAS_SCALE) at += 2
    else if (flags & HAS_XY_SCALE) at += 4
    else if (flags & HAS_2X2) at += 8
    if (!(flags & MORE_COMPONENTS)) return data
  }
}

function checksum(data: Buffer): number {
  let sum = 0
  const padded = data.length % 4 ? Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]) : data
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0
  return sum
}

/** The subset as a TrueType font file; null when the font is not TrueType (fontkit then). */
export function encodeSubset(bytes: Buffer, subset: GlyphSubset): Buffer | null {
  const font = source(bytes)
  if (!font) return null
  const programs: Buffer[] = []
  const offsets: number[] = [0]
  let size = 0
  // The list grows while we go: a composite glyph brings its components in.
  for (let i = 0; i < subset.glyphs.length; i++) {
    const gid = subset.glyphs[i] as number
    let data = glyphData(font, gid, subset)
    if (data.length % 4) data = Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))])
    programs.push(data)
    size += data.length
    offsets.push(size)
  }
  const n = programs.length
  const hmtx = Buffer.alloc(4 * n)
  subset.glyphs.forEach((gid, i) => {
    const [advance, bearing] = font.metrics(gid)
    hmtx.writeUInt16BE(advance, 4 * i)
    hmtx.writeInt16BE(bearing, 4 * i + 2)
  })
  const loca = Buffer.alloc(4 * (n + 1))
  offsets.forEach((o, i) => loca.writeUInt32BE(o, 4 * i))
  const copy = (tag: string) => {
    const t = font.tables.get(tag) as Table
    return Buffer.from(bytes.subarray(t.offset, t.offset + t.length))
  }
  const head = copy('head')
  head.writeUInt32BE(0, 8) // checkSumAdjustment, set below
  head.writeInt16BE(1, 50) // long loca offsets
  const hhea = copy('hhea')
  hhea.writeUInt16BE(n, 34)
  const maxp = copy('maxp')
  maxp.writeUInt16BE(n, 4)
  const tables: [string, Buffer][] = [
    ['head', head],
    ['hhea', hhea],
    ['loca', loca],
    ['maxp', maxp],
    ['glyf', Buffer.concat(programs, size)],
    ['hmtx', hmtx],
  ]
  for (const tag of ['cvt ', 'prep', 'fpgm'])
    if (font.tables.has(tag)) tables.push([tag, copy(tag)])
  tables.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return assemble(tables)
}

/** The table directory and the tables, 4-byte aligned, with checksums. */
function assemble(tables: [string, Buffer][]): Buffer {
  const count = tables.length
  const power = 2 ** Math.floor(Math.log2(count))
  const directory = Buffer.alloc(12 + 16 * count)
  directory.writeUInt32BE(0x00010000, 0)
  directory.writeUInt16BE(count, 4)
  directory.writeUInt16BE(power * 16, 6)
  directory.writeUInt16BE(Math.log2(power), 8)
  directory.writeUInt16BE(count * 16 - power * 16, 10)
  const parts: Buffer[] = [directory]
  let offset = directory.length
  tables.forEach(([tag, data], i) => {
    const at = 12 + 16 * i
    directory.write(tag, at, 'latin1')
    directory.writeUInt32BE(checksum(data), at + 4)
    directory.writeUInt32BE(offset, at + 8)
    directory.writeUInt32BE(data.length, at + 12)
    const padded =
      data.length % 4 ? Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]) : data
    parts.push(padded)
    offset += padded.length
  })
  const file = Buffer.concat(parts, offset)
  // The whole file sums to 0xB1B0AFBA once head's checkSumAdjustment is written.
  const adjustment = (0xb1b0afba - checksum(file)) >>> 0
  const headAt = directory.readUInt32BE(12 + 16 * tables.findIndex(([tag]) => tag === 'head') + 8)
  file.writeUInt32BE(adjustment, headAt + 8)
  return file
}
