import { strFromU8 } from 'fflate'
import { appError } from '@shared/errors'
import { attributes, decodeXml, textOf } from './xml'
import { excelSerialToIso } from '../import/values'
import { createZipReader } from './zip-read'

/**
 * Reads the first visible sheet of an XLSX workbook as rows of text, the way the import
 * reads a CSV: row n of the sheet is `rows[n - 1]` (so error reports name the row the
 * clerk sees in Excel), cells by their column letter, shared and inline strings resolved,
 * numbers as written, and date-formatted numbers as ISO dates. Old binary `.xls` files and
 * anything that is not a workbook get a clear error; a workbook that inflates past its
 * budget (a zip bomb) is stopped while inflating (zip-read.ts).
 */

/** Built-in number formats that are dates (ECMA-376 §18.8.30). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57,
])

type Parts = ReturnType<typeof createZipReader>

const text = (parts: Parts, name: string): string | null => {
  const part = parts.read(name)
  return part ? strFromU8(part) : null
}

/** The path of the first visible sheet, from the workbook and its relationships. */
function firstSheetPath(workbook: string, rels: string): string {
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => attributes(m[0]))
  const sheet = sheets.find((s) => !s.state || s.state === 'visible') ?? sheets[0]
  const relId = sheet?.['r:id']
  const rel = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)]
    .map((m) => attributes(m[0]))
    .find((r) => r.Id === relId)
  if (!rel?.Target) throw appError('validation', 'errors.import_unreadable')
  return rel.Target.startsWith('/') ? rel.Target.slice(1) : `xl/${rel.Target}`
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return []
  return [
    ...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\b[^>]*\/>/g),
  ].map((m) => textOf(m[1] ?? ''))
}

/** For each cell style index, whether it shows a date. */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return []
  const custom = new Map<number, boolean>()
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const a = attributes(m[0])
    const code = (a.formatCode ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')
    custom.set(Number(a.numFmtId), /[dy]/i.test(code))
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? ''
  return [...xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)].map((m) => {
    const id = Number(attributes(m[0]).numFmtId ?? 0)
    return custom.get(id) ?? DATE_FORMAT_IDS.has(id)
  })
}

/** Column index (0-based) of a cell reference such as `AB12`. */
function columnOf(ref: string | undefined): number | null {
  if (!ref) return null
  let n = 0
  let i = 0
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~0x20 // upper case
    if (code < 65 || code > 90) break
    n = n * 26 + (code - 64)
  }
  return i === 0 ? null : n - 1
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g
const VALUE = /<(?:\w+:)?v\b[^>]*>([^<]*)<\/(?:\w+:)?v>/

/** One attribute of a tag's attribute text, without decoding (cell attributes are plain). */
function attr(text: string, name: string): string | undefined {
  let at = text.indexOf(` ${name}=`)
  if (at < 0) return undefined
  at += name.length + 2
  const quote = text[at]
  const end = text.indexOf(quote ?? '"', at + 1)
  return end < 0 ? undefined : text.slice(at + 1, end)
}

function cellText(attrs: string, body: string, strings: string[], dates: boolean[]): string {
  const raw = body ? VALUE.exec(body)?.[1] : undefined
  switch (attr(attrs, 't')) {
    case 's':
      return strings[Number(raw)] ?? ''
    case 'inlineStr':
      return textOf(body)
    case 'str':
    case 'd':
      return raw?.includes('&') || raw?.includes('_x') ? decodeXml(raw) : (raw ?? '')
    case 'b':
      return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : ''
    case 'e':
      return ''
    default: {
      if (raw === undefined) return ''
      const number = Number(raw)
      if (dates[Number(attr(attrs, 's') ?? 0)] && number >= 1 && number < 2_958_466)
        return excelSerialToIso(Math.floor(number))
      return raw
    }
  }
}

export function readXlsx(bytes: Uint8Array): string[][] {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw appError('validation', 'errors.import_old_xls')
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw appError('validation', 'errors.import_unreadable')
  const parts = createZipReader(bytes)
  const workbook = text(parts, 'xl/workbook.xml')
  const rels = text(parts, 'xl/_rels/workbook.xml.rels')
  if (!workbook || !rels) throw appError('validation', 'errors.import_unreadable')
  const sheetPath = firstSheetPath(workbook, rels)
  const sheet = text(parts, sheetPath)
  if (sheet === null) throw appError('validation', 'errors.import_unreadable')
  const strings = sharedStrings(text(parts, 'xl/sharedStrings.xml'))
  const dates = dateStyles(text(parts, 'xl/styles.xml'))

  const rows: string[][] = []
  for (const row of sheet.matchAll(ROW)) {
    const r = attr(row[1] ?? '', 'r')
    const at = r ? Number(r) - 1 : rows.length
    // Rows out of order or past Excel's last row: a damaged sheet, not rows to drop silently.
    if (!Number.isInteger(at) || at < rows.length || at > 1_048_575)
      throw appError('validation', 'errors.import_unreadable')
    while (rows.length < at) rows.push([])
    const cells: string[] = []
    for (const cell of (row[2] ?? '').matchAll(CELL)) {
      const attrs = cell[1] ?? ''
      const column = columnOf(attr(attrs, 'r')) ?? cells.length
      if (column > 16_383)
        throw appError('validation', 'errors.import_too_many_columns', { max: 16_384 })
      while (cells.length < column) cells.push('')
      cells[column] = cellText(attrs, cell[2] ?? '', strings, dates)
    }
    rows.push(cells)
  }
  return rows
}
