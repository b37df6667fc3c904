/**
 * Arabic-Indic (٠١٢…) and Extended Arabic-Indic (۰۱۲…, used in Persian/Urdu keyboards)
 * digits are folded to ASCII. Moroccan administration writes Western digits, but clerks
 * paste from documents and keyboards that do not.
 */
export function toAsciiDigits(input: string): string {
  return input.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0)
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660)
  })
}

/** Removes bidi marks, zero-width characters and the BOM that copy-paste drags along. */
export function stripInvisible(input: string): string {
  return input.replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g, '')
}
