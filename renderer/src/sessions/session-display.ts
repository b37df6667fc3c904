import { ltr } from '@shared/text/bidi'
import { formatDay } from '@shared/text/dates'
import type { Session } from '@shared/sessions/session'

/**
 * How a session's dates and place read on screen: the day as `dd/mm/yyyy` in every
 * language (docs/dates.md), after its weekday in words; hours 24-hour as 09:30. A month of
 * the calendar is a heading, not a day: it stays in words.
 */
const LOCALES: Record<string, string> = { ar: 'ar-MA-u-nu-latn', fr: 'fr-MA', en: 'en-GB' }

export function dayText(day: string, language: string, weekday = true): string {
  const iso = day.slice(0, 10)
  const shown = ltr(formatDay(iso))
  if (!weekday) return shown
  const name = new Intl.DateTimeFormat(LOCALES[language] ?? 'fr-MA', {
    weekday: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`))
  return `${name} ${shown}`
}

export function monthText(month: string, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'fr-MA', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-15T12:00:00Z`))
}

/** Short weekday names, Monday first (the week as the chamber's calendar shows it). */
export function weekdayNames(language: string): string[] {
  const format = new Intl.DateTimeFormat(LOCALES[language] ?? 'fr-MA', {
    weekday: 'short',
    timeZone: 'UTC',
  })
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))))
}

export const hours = (s: Pick<Session, 'startsAt' | 'endsAt'>) =>
  `${s.startsAt.slice(11, 16)}–${s.endsAt.slice(11, 16)}`

export const STATUS_COLORS: Record<Session['status'], string> = {
  planned: 'blue',
  held: 'teal',
  cancelled: 'gray',
}

export function localToday(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
