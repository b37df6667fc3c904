import { stripInvisible, toAsciiDigits } from './digits'

/**
 * CIN (carte d'identité nationale): 1–2 Latin letters then 5–6 digits, e.g. `AB123456`,
 * `K45678`. Stored upper-case without spaces; unique per person.
 */
const CIN = /^[A-Z]{1,2}\d{5,6}$/

/** Upper-cases and removes spaces, dashes and invisible marks; does not validate. */
export function compactCin(raw: string): string {
  return toAsciiDigits(stripInvisible(raw))
    .replace(/[\s\-./]/g, '')
    .toUpperCase()
}

/** The stored form of a CIN, or null when the text is not a CIN. */
export function parseCin(raw: string): string | null {
  const cin = compactCin(raw)
  return CIN.test(cin) ? cin : null
}

/** True when the text looks like the start of a CIN being typed (for search routing). */
export function looksLikeCin(raw: string): boolean {
  return /^[A-Z]{1,2}\d{1,6}$/.test(compactCin(raw))
}
