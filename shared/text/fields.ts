import { z } from 'zod'
import { stripInvisible } from '../validation/digits'
import { CONTROL_CHARACTER_KEY, findForbiddenChar } from './control-chars'

/**
 * Text field schemas shared by every form: invisible characters removed, runs of spaces
 * folded, then length and script checked. Errors carry i18n keys.
 */
const ARABIC_LETTER = /[\u0621-\u064A]/
const LATIN_LETTER = /[A-Za-zÀ-ÿ]/

export function cleanText(s: string): string {
  return stripInvisible(s).replace(/\s+/g, ' ').trim()
}

/**
 * A string that holds no control character nor bidi override (control-chars.ts): refused
 * with the character named, before any cleaning could hide it.
 */
export const plainString = () =>
  z.string().superRefine((s, ctx) => {
    const bad = findForbiddenChar(s)
    if (bad)
      ctx.addIssue({
        code: 'custom',
        message: CONTROL_CHARACTER_KEY,
        params: { char: bad.code, position: bad.index + 1 },
        abort: true,
      })
  })

export const text = (min: number, max: number) =>
  plainString().transform(cleanText).pipe(z.string().min(min).max(max))

/** Optional free text: missing or blank becomes ''. */
export const optionalText = (max: number) =>
  plainString()
    .optional()
    .transform((s) => cleanText(s ?? ''))
    .pipe(z.string().max(max))

/** Text that must be written in Arabic letters (digits and punctuation allowed). */
export const arabicText = (min: number, max: number) =>
  text(min, max).refine((s) => ARABIC_LETTER.test(s) && !LATIN_LETTER.test(s), {
    error: 'validation.arabic_text',
  })

/** Text that must be written in Latin letters (digits and punctuation allowed). */
export const latinText = (min: number, max: number) =>
  text(min, max).refine((s) => LATIN_LETTER.test(s) && !ARABIC_LETTER.test(s), {
    error: 'validation.latin_text',
  })

/**
 * A person's name in Arabic letters only (spaces, hyphens, apostrophes between words). It
 * starts with a letter: a leading `-`, `'` or `+` is a spreadsheet's formula trigger, not
 * a name (docs/validation.md).
 */
export const arabicName = text(2, 60).refine(
  (s) => /^[\u0621-\u064A][\u0621-\u064A\u0640 '-]*$/.test(s.replace(/[\u064B-\u0652]/g, '')),
  { error: 'validation.arabic_text' },
)

/** A person's name in Latin letters as written on the CIN (accents, apostrophes, hyphens). */
export const latinName = text(2, 60).refine((s) => /^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ' -]*$/.test(s), {
  error: 'validation.latin_text',
})
