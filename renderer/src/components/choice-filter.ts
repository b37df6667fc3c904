import { stripInvisible, toAsciiDigits } from '@shared/validation/digits'

/**
 * How a choice list matches what the clerk types: without case, accents, Arabic marks or
 * hamza/ta marbuta/alef maqsura variants, punctuation counted as a space, and every typed
 * word found somewhere in the label (`tanger tet` finds « Tanger-Tétouan-Al Hoceïma »,
 * `سوس` finds « سوس ماسة », `فاس` finds « فاس-مكناس »).
 */
export function foldLabel(s: string): string {
  return toAsciiDigits(stripInvisible(s))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '')
    .replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627')
    .replace(/\u0629/g, '\u0647')
    .replace(/[\u0649\u0626]/g, '\u064A')
    .replace(/\u0624/g, '\u0648')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** True when every word typed appears in the label (an empty search matches everything). */
export function labelMatches(label: string, search: string): boolean {
  const words = foldLabel(search).split(' ').filter(Boolean)
  if (words.length === 0) return true
  const folded = foldLabel(label)
  return words.every((w) => folded.includes(w))
}
