import { stripInvisible, toAsciiDigits } from '../validation/digits'
import { isCalendarDate } from '../artisans/birth-date'

/**
 * Dates as a Moroccan desk writes them: day first, `dd/mm/yyyy`, Western digits, in every
 * language (Arabic, French, English, Tifinagh), on screen, on paper and in spreadsheets.
 * The API and the database keep ISO `yyyy-mm-dd` (docs/dates.md).
 *
 * Typed text is read day first — `14/03/1985`, `14-03-1985`, `14.03.1985`, `14 03 1985`,
 * `14031985`, `140385` — never month first, whatever the browser's locale says.
 */

/** How a two-digit year is read. */
export type YearPivot =
  /** Birth dates: a year that would be in the future is last century (`85` → 1985). */
  | 'past'
  /** Everything else: the year nearest to today, within 50 years either way. */
  | 'nearest'

export interface DayFirstOptions {
  pivot?: YearPivot
  /** ISO today, for the pivot (defaults to the machine's day). */
  today?: string
}

/** The machine's day as ISO, in local time (a desk's day, not UTC's). */
export function localTodayIso(now = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

function fullYear(twoDigits: number, pivot: YearPivot, today: string): number {
  const thisYear = Number(today.slice(0, 4))
  const century = Math.floor(thisYear / 100) * 100
  const candidate = century + twoDigits
  if (pivot === 'past') return candidate > thisYear ? candidate - 100 : candidate
  if (candidate > thisYear + 50) return candidate - 100
  if (candidate < thisYear - 50) return candidate + 100
  return candidate
}

/**
 * Reads a day typed day first. Returns the ISO day, or null when the text is not a real
 * calendar day (31/02/2020, 14/13/1985, letters…). An ISO day typed as such is accepted
 * too (`1985-03-14`: a four-digit year first cannot be a day).
 */
export function parseDayFirst(raw: string, options: DayFirstOptions = {}): string | null {
  const text = toAsciiDigits(stripInvisible(raw)).trim()
  if (!text) return null
  const pivot = options.pivot ?? 'nearest'
  const today = options.today ?? localTodayIso()
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text)
  let parts: [string, string, string] | null = null
  if (iso) parts = [iso[3]!, iso[2]!, iso[1]!]
  const separated = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{2}|\d{4})$/.exec(text)
  if (!parts && separated) parts = [separated[1]!, separated[2]!, separated[3]!]
  const joined = /^(\d{2})(\d{2})(\d{2}|\d{4})$/.exec(text)
  if (!parts && joined) parts = [joined[1]!, joined[2]!, joined[3]!]
  if (!parts) return null
  const [d, m, y] = parts
  const year = y.length === 2 ? fullYear(Number(y), pivot, today) : Number(y)
  const out = `${String(year).padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
  return isCalendarDate(out) ? out : null
}

/** `1985-03-14` → `14/03/1985`; anything that is not an ISO day is returned as it is. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso
}

/** `2026-12-08T09:30:00…` → `09:30` (24-hour), from an ISO time or date-time. */
export function formatTime(isoTime: string): string {
  const m = /(?:T|^)(\d{2}):(\d{2})/.exec(isoTime)
  return m ? `${m[1]}:${m[2]}` : isoTime
}

/** `2026-12-08T09:30…` → `08/12/2026 09:30`. The time is the text's own (no zone shift). */
export function formatDayTime(iso: string): string {
  return `${formatDay(iso.slice(0, 10))} ${formatTime(iso)}`
}

/** A local `Date` as `dd/mm/yyyy HH:MM` in the desk's own time (for instants stored in UTC). */
export function formatInstant(isoInstant: string): string {
  const date = new Date(isoInstant)
  if (Number.isNaN(date.getTime())) return isoInstant
  const hh = String(date.getHours()).padStart(2, '0')
  const mm = String(date.getMinutes()).padStart(2, '0')
  return `${formatDay(localTodayIso(date))} ${hh}:${mm}`
}

/**
 * Reads a 24-hour time typed as `9:30`, `09:30`, `0930`, `9h30`, `9.30` or `9`. Returns
 * `HH:MM` or null.
 */
export function parseTime24(raw: string): string | null {
  const text = toAsciiDigits(stripInvisible(raw)).trim().toLowerCase()
  const m = /^(\d{1,2})(?:\s*[:h.]\s*(\d{2})?|(\d{2}))?$/.exec(text)
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2] ?? m[3] ?? 0)
  if (h > 23 || min > 59) return null
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`
}

/** `1985-03-14`: an ISO calendar day (and a real one). */
export function isIsoDay(value: string | null | undefined): value is string {
  return typeof value === 'string' && isCalendarDate(value)
}

/** Why a typed day was refused: not a day's shape at all, or a day the calendar lacks. */
export type DayReadFailure = 'format' | 'calendar'

export type DayRead = { ok: true; iso: string } | { ok: false; reason: DayReadFailure }

/**
 * Like `parseDayFirst`, but says why a text was refused: `31/02/1990` has the shape of a
 * day and is not one (`calendar`); `14/3` or `abc` is not the shape of a day (`format`).
 */
export function readDayFirst(raw: string, options: DayFirstOptions = {}): DayRead {
  const iso = parseDayFirst(raw, options)
  if (iso) return { ok: true, iso }
  const text = toAsciiDigits(stripInvisible(raw)).trim()
  const shaped =
    /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(text) ||
    /^\d{1,2}\s*[-/.\s]\s*\d{1,2}\s*[-/.\s]\s*(\d{2}|\d{4})$/.test(text) ||
    /^\d{6}$|^\d{8}$/.test(text)
  return { ok: false, reason: shaped ? 'calendar' : 'format' }
}

/** `09:30` or `9:30:00` etc. as the API keeps them: `HH:MM`, 24-hour. */
export function isTime24(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
}

/** The desk's local day of an instant stored in UTC, as `dd/mm/yyyy` ('' when unreadable). */
export function formatInstantDay(isoInstant: string | null | undefined): string {
  if (!isoInstant) return ''
  const date = new Date(isoInstant)
  return Number.isNaN(date.getTime()) ? isoInstant : formatDay(localTodayIso(date))
}
