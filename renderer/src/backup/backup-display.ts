import type { BackupCounts } from '@shared/api/methods/backup'
import { formatInstant } from '@shared/text/dates'

/**
 * How backups read on screen: the desk's local day and minute as `dd/mm/yyyy HH:MM` in
 * every language (docs/dates.md), sizes in MB, counts as one short line.
 */
export function dateTimeText(iso: string | null, _language?: string): string {
  return iso ? formatInstant(iso) : '—'
}

const LOCALE: Record<string, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' }

/** A size in MB with the app's number format (`1,5 MB`, `1.234 MB`): show it inside `Ltr`. */
export function sizeText(bytes: number, language = 'fr'): string {
  const digits = bytes < 10_485_760 ? 1 : 0
  const number = new Intl.NumberFormat(LOCALE[language] ?? 'fr-MA', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
  return `${number.format(bytes / 1_048_576)} MB`
}

export const COUNTED: readonly (keyof BackupCounts)[] = ['artisans', 'documents', 'sessions']

export function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`
}
