import { stripInvisible, toAsciiDigits } from './digits'

/**
 * NIA (numéro d'identification de l'artisan), assigned by the national registry. The
 * registry contract (docs/registry-api.md, "The NIA") defines it as 10 digits: the code of
 * the chamber (region) that registered the artisan, `01`–`12`, then an 8-digit sequence
 * number that is never `00000000` — e.g. `0900001234`. Typed with spaces, dashes, dots or
 * slashes (`09-0000 1234`) it is stored without them. Checked at every door: the path
 * step form, the API, the import, values from the registry; a file whose NIA breaks the
 * rule never prints a certificate.
 */
export const NIA_PATTERN = /^(0[1-9]|1[0-2])(?!0{8})\d{8}$/

export function compactNia(raw: string): string {
  return toAsciiDigits(stripInvisible(raw))
    .replace(/[\s\-./]/g, '')
    .toUpperCase()
}

/** The stored form of a NIA, or null when the text is not one. */
export function parseNia(raw: string): string | null {
  const nia = compactNia(raw)
  return NIA_PATTERN.test(nia) ? nia : null
}

/** True when a stored NIA follows the contract's rule. */
export function isValidNia(nia: string | null | undefined): boolean {
  return typeof nia === 'string' && NIA_PATTERN.test(nia)
}

/** The chamber (region code) that registered the artisan, from a valid NIA. */
export function niaChamber(nia: string): string {
  return nia.slice(0, 2)
}
