/**
 * Characters no text of the register may hold (docs/validation.md): C0 and C1 control
 * characters (NUL, ESC…; tab, line feed and carriage return excepted — text schemas fold
 * them) and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 * which can make a printed name or title read as something else. They are refused, naming
 * the field and the character, at every door: the API router, the import, the registry.
 *
 * Invisible marks that copy-paste drags along (zero-width space and joiners, LRM/RLM,
 * the Arabic letter mark, the BOM, the soft hyphen) change nothing a reader sees; the
 * text schemas strip them (`stripInvisible`), and the router strips them from every
 * other text too.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u

const MARKS = /[\u200B-\u200F\u061C\u2060\uFEFF\u00AD]/gu

export interface ForbiddenChar {
  /** `U+202E` */
  code: string
  /** Where in the text (0-based). */
  index: number
}

/** The first character no text may hold, or null. */
export function findForbiddenChar(s: string): ForbiddenChar | null {
  const m = FORBIDDEN.exec(s)
  if (!m) return null
  const code = `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
  return { code, index: m.index }
}

/** Removes the invisible marks (never a visible character). */
export function stripMarks(s: string): string {
  return s.replace(MARKS, '')
}

/** The issue a zod refinement raises for a forbidden character (field named by its path). */
export const CONTROL_CHARACTER_KEY = 'validation.control_character'

/**
 * An absolute path on Windows (`D:\Sijill`, `\\server\share`) or POSIX (`/media/usb`):
 * a relative one would depend on the folder a program happened to start in.
 */
export function isAbsolutePath(p: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\[^\\]+)/.test(p)
}
