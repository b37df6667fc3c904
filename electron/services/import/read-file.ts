import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs'
import { MAX_IMPORT_BYTES } from '@shared/api/methods/imports'
import { appError } from '@shared/errors'
import { readXlsx } from '../spreadsheet/xlsx-read'
import { parseCsv } from './csv'

/**
 * An identification list as rows of text, whatever Excel saved it as: a workbook (XLSX),
 * CSV or "Unicode text" (UTF-16, tab-separated, with or without its byte-order mark), in
 * UTF-8 or — from older Arabic Windows — Windows-1256. Old binary `.xls` files are refused
 * with a way out; so are, each with its own message, a file too big (checked before it is
 * read), anything but a regular file, an empty file, a file named `.xlsx` that is not a
 * workbook, text in an encoding that cannot be told, and a list with no data row.
 */
const MB = (n: number) => Math.max(0.1, Math.round((n / 1024 / 1024) * 10) / 10)

export function tooBig(size: number) {
  return appError('validation', 'errors.import_file_too_big', {
    size: MB(size),
    max: MB(MAX_IMPORT_BYTES),
  })
}

/**
 * The bytes of a list on disk: refused before reading when it is not a regular file
 * (`/dev/zero`, a FIFO, a folder) or larger than MAX_IMPORT_BYTES.
 */
export function readImportBytes(path: string): Buffer {
  let before
  try {
    before = statSync(path)
  } catch {
    throw appError('validation', 'errors.import_missing', { file: path })
  }
  if (!before.isFile()) throw appError('validation', 'errors.import_not_a_file', { file: path })
  if (before.size > MAX_IMPORT_BYTES) throw tooBig(before.size)
  // Non-blocking open: a file swapped for a FIFO since stat must not hang the open.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    const info = fstatSync(fd)
    if (!info.isFile()) throw appError('validation', 'errors.import_not_a_file', { file: path })
    if (info.size > MAX_IMPORT_BYTES) throw tooBig(info.size)
    // Read at most one byte past the cap: a file growing while read is still refused.
    const buffer = Buffer.alloc(Math.min(info.size + 1, MAX_IMPORT_BYTES + 1))
    let length = 0
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
      if (length === buffer.length) break
    }
    if (length > MAX_IMPORT_BYTES) throw tooBig(length)
    return buffer.subarray(0, length)
  } finally {
    closeSync(fd)
  }
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b
const isOldXls = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf

/** Rows of a list's bytes; `name` (the file's name) tells a workbook that is not one. */
export function readImportFile(bytes: Uint8Array, name = ''): string[][] {
  if (bytes.length > MAX_IMPORT_BYTES) throw tooBig(bytes.length)
  if (bytes.length === 0) throw appError('validation', 'errors.import_empty')
  if (isZip(bytes) || isOldXls(bytes)) return checked(readXlsx(bytes)) // .xls: says save as .xlsx
  if (/\.xlsx?$/i.test(name)) throw appError('validation', 'errors.import_not_workbook')
  return readImportText(decodeText(bytes))
}

/**
 * Rows of a list that arrives as text (CSV from the screen, decoded there as UTF-8). NUL
 * characters mean it was UTF-16 without a byte-order mark (valid UTF-8 when every letter
 * is ASCII): its bytes, which UTF-8 gives back exactly, are decoded again here.
 */
export function readImportText(text: string): string[][] {
  if (text.length > MAX_IMPORT_BYTES) throw tooBig(text.length)
  if (text.slice(0, 65_536).includes('\u0000'))
    return readImportFile(new TextEncoder().encode(text))
  if (text.trim() === '' || text === '\uFEFF') throw appError('validation', 'errors.import_empty')
  return checked(parseCsv(decodeCheck(text)))
}

/** Refuses a list with nothing in it, or a header with no data row. */
function checked(rows: string[][]): string[][] {
  const blank = (row: string[]) => row.every((c) => c.trim() === '' || c.trim() === '\uFEFF')
  const first = rows.findIndex((r) => !blank(r))
  if (first < 0) throw appError('validation', 'errors.import_empty')
  if (rows.slice(first + 1).every(blank)) throw appError('validation', 'errors.import_no_rows')
  return rows
}

/**
 * UTF-16 without its byte-order mark (Excel's "Unicode text" as some tools save it) shows
 * as NUL bytes on every other byte: even positions for big-endian, odd for little-endian.
 */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'unknown' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1)
  let even = 0
  let odd = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue
    if (i % 2) odd++
    else even++
  }
  if (even + odd === 0) return null
  const pairs = sample.length / 2
  if (odd > pairs * 0.3 && even < odd / 10) return 'utf-16le'
  if (even > pairs * 0.3 && odd < even / 10) return 'utf-16be'
  return 'unknown'
}

/** Control characters other than tab and line breaks: a few are typos, many are not text. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to count
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

export function decodeText(bytes: Uint8Array): string {
  let text: string
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes)
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes)
  else {
    const utf16 = utf16Without(bytes)
    if (utf16 === 'unknown') throw appError('validation', 'errors.import_encoding')
    if (utf16) text = new TextDecoder(utf16).decode(bytes)
    else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      } catch {
        text = new TextDecoder('windows-1256').decode(bytes)
      }
    }
  }
  return decodeCheck(text)
}

/** Text with NULs or many control characters is not text in the encoding it was read in. */
function decodeCheck(text: string): string {
  const sample = text.slice(0, 65_536)
  const controls = sample.match(CONTROL)?.length ?? 0
  if (sample.includes('\u0000') || controls > Math.max(8, sample.length / 100))
    throw appError('validation', 'errors.import_encoding')
  return text
}
