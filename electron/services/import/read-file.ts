import { readXlsx } from '../spreadsheet/xlsx-read'
import { parseCsv } from './csv'

/**
 * An identification list as rows of text, whatever Excel saved it as: a workbook (XLSX),
 * CSV or "Unicode text" (UTF-16, tab-separated), in UTF-8 or — from older Arabic
 * Windows — Windows-1256. Old binary `.xls` files are refused with a way out.
 */
export function readImportFile(bytes: Uint8Array): string[][] {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes)
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return readXlsx(bytes) // says: save as .xlsx
  return parseCsv(decodeText(bytes))
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1256').decode(bytes)
  }
}
