/**
 * CSV injection guard (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with
 * `=`, `+`, `-` or `@` as a formula — and tab or carriage return can hide such a start —
 * so text that starts with any of them is written behind a single quote (`'+Ahmed`), which
 * spreadsheets show as text. Numbers (a count, a negative figure) are not text and stay
 * numbers. Every CSV the desk writes goes through here (csv-write.ts).
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/

export function defuseFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text
}

/** One CSV cell: defused when it is text, then quoted when it holds `"`, `,` or a line break. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'number' ? String(value) : defuseFormula(String(value))
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
