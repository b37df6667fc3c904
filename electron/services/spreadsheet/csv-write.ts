import { csvCell } from './csv-cell'

/**
 * CSV as spreadsheets read it: UTF-8 with a BOM (so Excel shows Arabic), CRLF lines,
 * fields quoted when needed, and text a spreadsheet would run as a formula defused
 * (csv-cell.ts: `=`, `+`, `-`, `@`, tab, carriage return).
 */
export const CSV_BOM = '\uFEFF'

export const csvField = csvCell

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`
}
