import { z } from 'zod'
import { toAsciiDigits } from '../validation/digits'

/**
 * Birth dates: ISO `YYYY-MM-DD`, a real calendar day, and a plausible age for someone
 * practising a craft (15 to 100 years old on `today`).
 */
export const MIN_AGE = 15
export const MAX_AGE = 100

export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

export function ageOn(birthIso: string, todayIso: string): number {
  const [by, bm, bd] = birthIso.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = todayIso.split('-').map(Number) as [number, number, number]
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0)
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10)

export const BirthDateSchema = z
  .string()
  .transform((s) => toAsciiDigits(s).trim())
  .refine(isCalendarDate, { error: 'validation.date' })
  .refine(
    (s) => {
      const age = ageOn(s, todayIso())
      return age >= MIN_AGE && age <= MAX_AGE
    },
    { error: 'validation.birth_date_range' },
  )
