import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

/**
 * Tokens the registry hands out. Only their SHA-256 is stored, so a copy of `registry.db`
 * gives nobody a way in. Enrolment tokens are typed by a person: short groups of letters
 * and digits that cannot be misread (no 0/O, 1/I/L).
 */
const READABLE = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const DESK_CODE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** 256 random bits, base64url. */
export const randomToken = (): string => randomBytes(32).toString('base64url')

export const hashToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex')

function pick(alphabet: string, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)]
  return out
}

/** `09-ABCD-EFGH-JKMN`: the chamber, then 60 random bits a clerk can type. */
export function readableEnrolmentToken(chamberCode: string): string {
  return [chamberCode, pick(READABLE, 4), pick(READABLE, 4), pick(READABLE, 4)].join('-')
}

/** What a typed enrolment token is compared as: trimmed, upper-case. */
export const normaliseEnrolmentToken = (token: string): string => token.trim().toUpperCase()

/** A candidate desk code (4 characters); the caller makes sure it is unused. */
export const randomDeskCode = (): string => pick(DESK_CODE, 4)

/** Compares a presented secret with the expected one in constant time. */
export function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
