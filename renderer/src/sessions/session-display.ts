import type { Session } from '@shared/sessions/session'

/**
 * How a session's dates and place read on screen: the day in words in the UI language
 * with Western digits (as Moroccan administration writes them), hours as 09:30.
 */
const LOCALES: Record<string, string> = { ar: 'ar-MA-u-nu-latn', fr: 'fr-MA', en: 'en-GB' }

export function dayText(day: string, language: string, weekday = true): string {
  const date = new Date(`${day.slice(0, 10)}T12:00:00Z`)
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'fr-MA', {
    weekday: weekday ? 'long' : undefined,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date)
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
