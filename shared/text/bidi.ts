/**
 * Unicode isolates for values put into translated sentences. In Arabic text the bidi
 * algorithm turns digits into Arabic numbers (UAX #9 W2), and then a hyphen or a space no
 * longer holds "2026-11-23" or "06 12 34 56 78" together: the groups come out reversed.
 * Wrapping a value in an isolate keeps it whole and in its own direction.
 */
const LRI = '\u2066'
const FSI = '\u2068'
const PDI = '\u2069'

/** A date, CIN, NIA, phone or code: always left to right. */
export function ltr(value: string | number): string {
  return `${LRI}${value}${PDI}`
}

/** A name or free text: direction taken from its first letter, kept apart from the sentence. */
export function isolate(value: string): string {
  return `${FSI}${value}${PDI}`
}

/** Error parameters as shown in sentences: every value isolated. */
export function isolateParams(
  params: Record<string, string | number> | undefined,
): Record<string, string> | undefined {
  if (!params) return undefined
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isolate(String(v))]))
}

/** Free text with phone numbers or dates inside: each run of digits kept left to right. */
export function ltrNumbers(text: string): string {
  return text.replace(/\+?\d[\d ./-]*\d/g, (run) => ltr(run))
}
