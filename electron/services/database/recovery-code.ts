import { randomInt } from 'node:crypto'
import { appError } from '@shared/errors'

/**
 * The administrator's recovery code for the database key: 30 characters in 6 groups of
 * 5, written on paper and typed back years later, so it must survive a tired hand.
 * Crockford base32 (no I, L, O, U; case, spaces and dashes ignored; O read as 0, I and L
 * as 1). Each group is 4 random characters and 1 check character (6 × 20 = 120 random
 * bits in all), so a typing slip is caught before any key derivation and the clerk is
 * told which group to look at.
 *
 * The check is one parity symbol over GF(32) (x⁵ + x² + 1): Σ wᵢ·dᵢ + c + k₉ = 0 with
 * distinct weights 2, 4, 8, 16 for the data and 1 for the check, and a constant per
 * group. It catches every single wrong character and every swap of two characters in a
 * group (the change is (wᵢ + wⱼ)(dᵢ + dⱼ) ≠ 0), and two whole groups typed in each
 * other's place (their constants differ).
 */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const GROUPS = 6
export const GROUP_LENGTH = 5
const DATA_PER_GROUP = GROUP_LENGTH - 1
const WEIGHTS = [2, 4, 8, 16] as const
const ALIASES: Record<string, string> = { O: '0', I: '1', L: '1' }

/** Multiplication in GF(2⁵) modulo x⁵ + x² + 1. */
function gfMul(a: number, b: number): number {
  let product = 0
  for (let x = a, y = b; y > 0; y >>= 1) {
    if (y & 1) product ^= x
    x <<= 1
    if (x & 0x20) x ^= 0x25
  }
  return product
}

function checkSymbol(data: readonly number[], group: number): number {
  let sum = group + 1
  data.forEach((d, i) => (sum ^= gfMul(WEIGHTS[i] ?? 0, d)))
  return sum
}

/** A new random code, formatted `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`. */
export function newRecoveryCode(): string {
  const groups: string[] = []
  for (let g = 0; g < GROUPS; g++) {
    const data = Array.from({ length: DATA_PER_GROUP }, () => randomInt(ALPHABET.length))
    groups.push([...data, checkSymbol(data, g)].map((v) => ALPHABET[v]).join(''))
  }
  return groups.join('-')
}

export interface ParsedRecoveryCode {
  /** The code as printed: upper case, grouped with dashes. */
  formatted: string
  /** The 24 random characters: what the wrapping key is derived from. */
  secret: string
}

/**
 * Reads a typed code. Refuses with `errors.recovery_code_shape` when it is not 30
 * Crockford characters, and `errors.recovery_code_invalid` naming the first group whose
 * check character does not match (a typo).
 */
export function parseRecoveryCode(typed: string): ParsedRecoveryCode {
  const chars = [...typed.toUpperCase().replace(/[\s\u2010-\u2015_.-]/g, '')].map(
    (c) => ALIASES[c] ?? c,
  )
  const values = chars.map((c) => ALPHABET.indexOf(c))
  if (values.length !== GROUPS * GROUP_LENGTH || values.some((v) => v < 0)) {
    throw appError('validation', 'errors.recovery_code_shape', {
      groups: GROUPS,
      length: GROUP_LENGTH,
    })
  }
  const groups: string[] = []
  let secret = ''
  for (let g = 0; g < GROUPS; g++) {
    const group = values.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH)
    const data = group.slice(0, DATA_PER_GROUP)
    if (checkSymbol(data, g) !== group[DATA_PER_GROUP]) {
      throw appError('validation', 'errors.recovery_code_invalid', { group: g + 1 })
    }
    groups.push(group.map((v) => ALPHABET[v]).join(''))
    secret += data.map((v) => ALPHABET[v]).join('')
  }
  return { formatted: groups.join('-'), secret }
}
