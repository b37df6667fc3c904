import type { BackupCounts } from '@shared/api/methods/backup'

/**
 * How backups read on screen: dates and times in the UI language with Western digits (as
 * the rest of Sijill writes them), sizes in MB, counts as one short line.
 */
const LOCALES: Record<string, string> = { ar: 'ar-MA-u-nu-latn', fr: 'fr-MA', en: 'en-GB' }

export function dateTimeText(iso: string | null, language: string): string {
  if (!iso) return '—'
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'fr-MA', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))
}

export function sizeText(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`
}

export const COUNTED: readonly (keyof BackupCounts)[] = ['artisans', 'documents', 'sessions']

export function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`
}
