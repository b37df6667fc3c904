import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * Password hashes with scrypt (node:crypto), stored as `scrypt$N$r$p$salt$hash` so the
 * cost can be raised later without invalidating older hashes. Checking takes the same
 * time whether the password is right or wrong.
 */
const COST = { N: 1 << 15, r: 8, p: 1 }
const KEY_LENGTH = 32
const MAX_MEMORY = 128 * COST.N * COST.r * 2

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { N, r, p, maxmem: MAX_MEMORY },
      (e, key) => (e ? reject(e) : resolve(key)),
    ),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, COST.N, COST.r, COST.p)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  )
}

/** A hash to check against when the username is unknown: the same work, always false. */
let decoy: Promise<string> | null = null
export const decoyHash = (): Promise<string> =>
  (decoy ??= hashPassword(randomBytes(16).toString('hex')))

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p))
  return key.length === expected.length && timingSafeEqual(key, expected)
}
