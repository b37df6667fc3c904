import { stripInvisible, toAsciiDigits } from './digits'

/**
 * NIA (numéro d'identité de l'artisanat), assigned by the national registry. Its exact
 * format is the registry's; we accept 6–20 Latin letters and digits, stored upper-case.
 */
const NIA = /^[A-Z0-9]{6,20}$/

export function parseNia(raw: string): string | null {
  const nia = toAsciiDigits(stripInvisible(raw))
    .replace(/[\s\-./]/g, '')
    .toUpperCase()
  return NIA.test(nia) && /\d/.test(nia) ? nia : null
}
