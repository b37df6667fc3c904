/**
 * CSV as spreadsheets read it: UTF-8 with a BOM (so Excel shows Arabic), CRLF lines,
 * fields quoted when needed, and text a spreadsheet would run as a formula defused.
 */
export const CSV_BOM = '\uFEFF'

export function csvField(value: unknown): string {
  const raw = value === null || value === undefined ? '' : String(value)
  const text = /^[=@]/.test(raw) ? `'${raw}` : raw
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`
}
