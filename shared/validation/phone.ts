import { stripInvisible, toAsciiDigits } from './digits'

/**
 * Moroccan phone numbers: national `0` + 9 digits (06/07 mobile, 05 fixed, 08 VoIP),
 * or international `+212`/`00212` + 9 digits. Stored in E.164, shown as `06 12 34 56 78`.
 */
const NATIONAL = /^0([5-8]\d{8})$/
const INTERNATIONAL = /^(?:\+|00)212([5-8]\d{8})$/

/** Returns the E.164 form (`+212612345678`) or null when the text is not a Moroccan number. */
export function parseMoroccanPhone(raw: string): string | null {
  const compact = toAsciiDigits(stripInvisible(raw)).replace(/[\s.\-()/]/g, '')
  const match = NATIONAL.exec(compact) ?? INTERNATIONAL.exec(compact)
  return match ? `+212${match[1]}` : null
}

/** `+212612345678` → `06 12 34 56 78`; anything else is returned unchanged. */
export function formatMoroccanPhone(e164: string): string {
  const m = /^\+212(\d{9})$/.exec(e164)
  if (!m) return e164
  return `0${m[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ')
}
