import { strToU8, Zip, ZipDeflate } from 'fflate'
import { escapeXml } from './xml'

/**
 * Writes one sheet as an XLSX workbook: a bold, frozen header row, text cells as inline
 * strings (so CINs and phones keep their leading zeros and letters), numbers as numbers,
 * right-to-left when the sheet is in Arabic. Enough for Excel, LibreOffice and the import.
 */
export type Cell = string | number | null | DayCell

/**
 * A day written as a real date cell — Excel's serial day with the number format
 * `dd/mm/yyyy` — so spreadsheets show it day first and sort it as a date (issue 15).
 */
export interface DayCell {
  day: string
}

/** An ISO day (`1985-03-14`, or the day of an ISO date-time) as a date cell; null when none. */
export function dayCell(iso: string | null | undefined): DayCell | null {
  return iso ? { day: iso.slice(0, 10) } : null
}

/** Excel's serial day of an ISO day (1900 date system), or null before 1900-03-01. */
function serialDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return null
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  if (new Date(ms).toISOString().slice(0, 10) !== iso) return null // 1985-02-30
  const serial = (ms - Date.UTC(1899, 11, 30)) / 86_400_000
  return serial >= 61 ? serial : null
}

/** The style of date cells (see STYLES). */
const DAY_STYLE = 2

export interface SheetHead {
  name: string
  header: string[]
  rightToLeft?: boolean
  /** Column widths in characters; guessed from the header when absent. */
  widths?: number[]
}

function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

function cell(ref: string, value: Cell, style: number): string {
  const s = style ? ` s="${style}"` : ''
  if (value === null || value === '') return ''
  if (typeof value === 'object') {
    const serial = serialDay(value.day)
    if (serial === null) return cell(ref, value.day, style)
    return `<c r="${ref}" s="${DAY_STYLE}"><v>${serial}</v></c>`
  }
  if (typeof value === 'number' && Number.isFinite(value))
    return `<c r="${ref}"${s}><v>${value}</v></c>`
  const text = escapeXml(String(value))
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''
  return `<c r="${ref}" t="inlineStr"${s}><is><t${space}>${text}</t></is></c>`
}

function rowXml(index: number, values: Cell[], style: number): string {
  const cells = values.map((v, c) => cell(`${columnName(c)}${index}`, v, style)).join('')
  return `<row r="${index}">${cells}</row>`
}

function sheetHead(sheet: SheetHead): string {
  const widths = sheet.header.map((h, i) => sheet.widths?.[i] ?? Math.max(12, h.length + 4))
  const cols = widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('')
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<sheetViews><sheetView workbookViewId="0"${sheet.rightToLeft ? ' rightToLeft="1"' : ''}>` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${cols}</cols><sheetData>${rowXml(1, sheet.header, 1)}`
  )
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '</Types>'

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>'

const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '</Relationships>'

/**
 * Style 0: plain; style 1: bold (the header); style 2: a day, `dd/mm/yyyy` (the slashes
 * escaped so that Excel shows them as they are whatever the computer's date separator).
 */
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\/mm\\/yyyy"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '</styleSheet>'

/** Sheet names: at most 31 characters, none of \ / ? * [ ] : */
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1'

/**
 * A workbook written as it goes: rows are added page by page and compressed at once, so
 * a national-size export never holds the whole sheet in memory. `sink` receives the file's
 * bytes in order.
 */
export function createXlsxWriter(head: SheetHead, sink: (chunk: Uint8Array) => void) {
  let failure: Error | null = null
  const zip = new Zip((error, chunk) => {
    if (error) failure = error
    else sink(chunk)
  })
  const add = (name: string, xml: string) => {
    const part = new ZipDeflate(name, { level: 6 })
    zip.add(part)
    part.push(strToU8(xml), true)
  }
  const workbook =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheets><sheet name="${escapeXml(sheetName(head.name))}" sheetId="1" r:id="rId1"/></sheets></workbook>`
  add('[Content_Types].xml', CONTENT_TYPES)
  add('_rels/.rels', ROOT_RELS)
  add('xl/workbook.xml', workbook)
  add('xl/_rels/workbook.xml.rels', WORKBOOK_RELS)
  add('xl/styles.xml', STYLES)
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 })
  zip.add(sheet)
  sheet.push(strToU8(sheetHead(head)))
  let next = 2
  const check = () => {
    if (failure) throw failure
  }
  return {
    addRows(rows: Cell[][]): void {
      if (rows.length === 0) return
      sheet.push(strToU8(rows.map((r) => rowXml(next++, r, 0)).join('')))
      check()
    },
    end(): void {
      sheet.push(strToU8('</sheetData></worksheet>'), true)
      zip.end()
      check()
    },
  }
}

function joined(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/** A whole (small) workbook in memory. */
export function writeXlsx(head: SheetHead, rows: Cell[][]): Uint8Array {
  const chunks: Uint8Array[] = []
  const writer = createXlsxWriter(head, (c) => chunks.push(c))
  writer.addRows(rows)
  writer.end()
  return joined(chunks)
}

/** A sheet of a workbook written in one go: its head and all its rows. */
export interface SheetContent {
  head: SheetHead
  rows: Cell[][]
}

/**
 * A (small) workbook of several sheets, in memory, in the order given (the first one opens
 * first): the report to the ministry puts its summary, trend and provinces side by side.
 */
export function writeXlsxSheets(sheets: SheetContent[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError('a workbook needs at least one sheet')
  const chunks: Uint8Array[] = []
  let failure: Error | null = null
  const zip = new Zip((error, chunk) => {
    if (error) failure = error
    else chunks.push(chunk)
  })
  const add = (name: string, xml: string) => {
    const part = new ZipDeflate(name, { level: 6 })
    zip.add(part)
    part.push(strToU8(xml), true)
  }
  const numbers = sheets.map((_, i) => i + 1)
  const used = new Set<string>()
  const names = sheets.map((s, i) => {
    let name = sheetName(s.head.name)
    // Sheet names must differ (Excel compares them case-insensitively).
    while (used.has(name.toLowerCase())) name = `${name.slice(0, 28)} ${i + 1}`
    used.add(name.toLowerCase())
    return name
  })
  add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      numbers
        .map(
          (n) =>
            `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  )
  add('_rels/.rels', ROOT_RELS)
  add(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
      numbers
        .map((n, i) => `<sheet name="${escapeXml(names[i]!)}" sheetId="${n}" r:id="rId${n}"/>`)
        .join('') +
      '</sheets></workbook>',
  )
  add(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      numbers
        .map(
          (n) =>
            `<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      '</Relationships>',
  )
  add('xl/styles.xml', STYLES)
  sheets.forEach((s, i) =>
    add(
      `xl/worksheets/sheet${i + 1}.xml`,
      sheetHead(s.head) +
        s.rows.map((r, at) => rowXml(at + 2, r, 0)).join('') +
        '</sheetData></worksheet>',
    ),
  )
  zip.end()
  if (failure) throw failure
  return joined(chunks)
}
