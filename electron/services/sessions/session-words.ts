import type { HandoutLanguage } from '@shared/sessions/handout'
import { HANDOUT_WORDS_ZGH } from '@shared/sessions/handout-defaults'
import type { Session } from '@shared/sessions/session'
import { isolate, ltr } from '@shared/text/bidi'
import { formatDay, formatDayTime, formatTime } from '@shared/text/dates'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { t } from '../documents/page'

/**
 * A session's day, hours and place as printed materials say them (issue 6), in Arabic,
 * French or Amazigh: "vendredi 11/12/2026", "de 09:30 à 12:00", "Siège de la chambre,
 * Tiznit". Days are day/month/year with Western digits in every language, as Moroccan
 * administration writes them (issue 15), after the weekday's name, which tells people more
 * than the number; in Arabic the date is isolated left to right. Places come from the
 * reference names (Amazigh handouts show the Latin name, the reference data having no
 * Tifinagh names).
 */
const LOCALES: Record<HandoutLanguage, string> = { ar: 'ar-MA', zgh: 'zgh', fr: 'fr-MA' }

function weekday(iso: string, lang: HandoutLanguage): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`)
  try {
    return new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'long', timeZone: 'UTC' }).format(date)
  } catch {
    return ''
  }
}

export function dayOf(iso: string, lang: HandoutLanguage): string {
  const day = formatDay(iso.slice(0, 10))
  const name = weekday(iso, lang)
  if (lang === 'ar') return name ? `${name} ${ltr(day)}` : ltr(day)
  return name ? `${name} ${day}` : day
}

/** "09:30 – 12:00" in words of the language; a session over several days names both. */
export function hoursOf(s: Pick<Session, 'startsAt' | 'endsAt'>, lang: HandoutLanguage): string {
  const from = formatTime(s.startsAt)
  const sameDay = s.startsAt.slice(0, 10) === s.endsAt.slice(0, 10)
  const to = sameDay ? formatTime(s.endsAt) : formatDayTime(s.endsAt)
  if (lang === 'zgh') return `ⵙⴳ ${from} ⴰⵔ ${to}`
  return t(lang, 'materials.timeRange', { from: ltr(from), to: ltr(to) })
}

type Names = { ar: string; fr: string }
function referenceName(db: Db, table: 'ref_commune' | 'ref_province', code: string | null) {
  if (!code) return null
  return (
    (sql(db, `SELECT name_ar AS ar, name_fr AS fr FROM ${table} WHERE code = ?`).get(code) as
      Names | undefined) ?? null
  )
}

/** The venue, then the commune (or the province when no commune is set). */
export function placeOf(
  db: Db,
  s: Pick<Session, 'venue' | 'communeCode' | 'provinceCode'>,
  lang: HandoutLanguage,
): string {
  const names =
    referenceName(db, 'ref_commune', s.communeCode) ??
    referenceName(db, 'ref_province', s.provinceCode)
  const area = names ? (lang === 'ar' ? names.ar : names.fr) : ''
  const venue = s.venue.trim()
  if (lang === 'ar') return [venue && isolate(venue), area].filter(Boolean).join('، ')
  return [venue, area].filter(Boolean).join(', ')
}

/** A word printed around a handout's text (date, time, place), in the handout's language. */
export function handoutWord(lang: HandoutLanguage, key: keyof typeof HANDOUT_WORDS_ZGH): string {
  return lang === 'zgh' ? HANDOUT_WORDS_ZGH[key] : t(lang, `materials.handout.${key}`)
}
