import { writeFileAtomic } from '../files/atomic-write'
import type { PersonSide } from '@shared/api/methods/imports'
import { formatDay } from '@shared/text/dates'
import { formatMoroccanPhone } from '@shared/validation/phone'
import { csvField } from '../spreadsheet/csv-write'
import { translateError } from '../startup-error'
import type { HeldDetail, ImportSummary } from './run-import'

/**
 * The error report of an import: one line per rejected row and problem, and one per row
 * held for a person to decide — line number, column, the message in the chosen language
 * (for a held row: why, and the file of the register it resembles: CIN, names, phone,
 * birth date) — followed by the row as it was in the file, so a clerk can fix the list,
 * decide, and import it again. A row held because the file it matches has no CIN says so
 * (the row's CIN is stored nowhere until a person adds it to that file or registers it).
 */
const names = (s: PersonSide) =>
  [s.firstNameAr, s.lastNameAr, s.firstNameLat, s.lastNameLat].filter(Boolean).join(' ')

function heldMessage(lang: 'fr' | 'ar' | 'en', held: HeldDetail): string {
  const none = '—'
  return translateError(lang, `import.heldReport.${held.reason}`, {
    cin: held.row.cin ?? none,
    birthDate: held.row.birthDate ? formatDay(held.row.birthDate) : none,
    fileCin: held.file.cin ?? none,
    fileNames: names(held.file) || none,
    filePhone: held.file.phone ? formatMoroccanPhone(held.file.phone) : none,
    fileBirthDate: held.file.birthDate ? formatDay(held.file.birthDate) : none,
  })
}

const HELD_COLUMN = {
  other_cin: 'cin',
  same_cin_other_name: 'lastName',
  same_cin_other_birth: 'birthDate',
  file_without_cin: 'cin',
} as const

export function errorReportCsv(
  header: string[],
  rows: string[][],
  summary: ImportSummary,
  lang: 'fr' | 'ar' | 'en',
): string {
  const lines = [['line', 'column', 'message', ...header].map(csvField).join(',')]
  const line = (at: number, column: string, message: string) =>
    lines.push([at, column, message, ...(rows[at - 1] ?? [])].map(csvField).join(','))
  for (const r of summary.rows) {
    for (const e of r.errors ?? []) line(r.line, e.path, translateError(lang, e.key, e.params))
    if (r.held) line(r.line, HELD_COLUMN[r.held.reason], heldMessage(lang, r.held))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** Whether an import has anything to report (rejected or held rows). */
export const hasReport = (summary: ImportSummary): boolean =>
  summary.rejected > 0 || summary.held > 0

export function writeErrorReport(
  file: string,
  header: string[],
  rows: string[][],
  summary: ImportSummary,
  lang: 'fr' | 'ar' | 'en',
): void {
  writeFileAtomic(file, errorReportCsv(header, rows, summary, lang))
}
