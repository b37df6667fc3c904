import { writeFileSync } from 'node:fs'
import { csvField } from '../spreadsheet/csv-write'
import { translateError } from '../startup-error'
import type { ImportSummary } from './run-import'

/**
 * The error report of an import: one line per rejected row and problem — line number,
 * column, the message in the chosen language — followed by the row as it was in the file,
 * so a clerk can fix the list and import it again.
 */
export function errorReportCsv(
  header: string[],
  rows: string[][],
  summary: ImportSummary,
  lang: 'fr' | 'ar' | 'en',
): string {
  const lines = [['line', 'column', 'message', ...header].map(csvField).join(',')]
  for (const r of summary.rows) {
    for (const e of r.errors ?? []) {
      const original = rows[r.line - 1] ?? []
      lines.push(
        [r.line, e.path, translateError(lang, e.key, e.params), ...original]
          .map(csvField)
          .join(','),
      )
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

export function writeErrorReport(
  file: string,
  header: string[],
  rows: string[][],
  summary: ImportSummary,
  lang: 'fr' | 'ar' | 'en',
): void {
  writeFileSync(file, errorReportCsv(header, rows, summary, lang), 'utf8')
}
