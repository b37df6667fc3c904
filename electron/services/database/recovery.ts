import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  scryptSync,
  timingSafeEqual,
} from 'node:crypto'
import { existsSync, readFileSync, renameSync } from 'node:fs'
import { writeFileAtomic } from '../files/atomic-write'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError, appError } from '@shared/errors'
import { nowIso } from '../clock'
import { DATABASE_FILE } from '../paths'
import { KEY_BYTES, KEY_FILE_NAME, type KeyStore } from './key-store'
import { openDatabase } from './open'
import { newRecoveryCode, parseRecoveryCode } from './recovery-code'

/**
 * The way back to the data when the key store has lost the database key (an OS profile
 * rebuilt, `sijill.key` deleted): the key wrapped with a key derived from the
 * administrator's recovery code (recovery-code.ts), kept beside the database as
 * `key-recovery.json`. scrypt (N = 2¹⁷, r = 8: 128 MiB, about 0.4 s) makes every
 * guess costly on top of the code's 120 random bits; AES-256-GCM over the key, with the
 * file's other fields as associated data, so any edit to the file is refused.
 *
 * Three tellable failures: a code that is not this file's (`recovery_code_wrong`, from a
 * check value derived with the wrapping key), a file edited or truncated
 * (`recovery_file_damaged`), and a file made for another database
 * (`recovery_key_mismatch`, told where the database is at hand: `restoreKey`, the API;
 * the key id, a short hash of the key, says which key a file holds).
 * A new code overwrites the file: the previous code stops working.
 */
export const RECOVERY_FILE_NAME = 'key-recovery.json'
const FORMAT = 'sijill-key-recovery'
const VERSION = 1
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const

const base64 = (min: number, max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((s) => {
      const n = Buffer.from(s, 'base64').length
      return n >= min && n <= max
    })

const RecoveryFileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  createdAt: z.string().max(40),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  kdf: z.object({
    name: z.literal('scrypt'),
    // Bounded, so a crafted file cannot make an open take minutes or gigabytes.
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: base64(16, 64),
  }),
  codeCheck: z.string().regex(/^[0-9a-f]{32}$/),
  cipher: z.literal('aes-256-gcm'),
  iv: base64(12, 12),
  tag: base64(16, 16),
  wrappedKey: base64(KEY_BYTES, KEY_BYTES),
})
type RecoveryFile = z.infer<typeof RecoveryFileSchema>
type Kdf = RecoveryFile['kdf']

export function recoveryFile(dataDir: string): string {
  return join(dataDir, RECOVERY_FILE_NAME)
}

/** A short public name of a key: tells which key a recovery file holds without revealing it. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('sijill key id\0').update(key).digest('hex').slice(0, 16)
}

/** 64 bytes from scrypt: the wrapping key, and material for the check value. */
function derive(secret: string, kdf: Kdf): { wrappingKey: Buffer; codeCheck: string } {
  const out = scryptSync(secret, Buffer.from(kdf.salt, 'base64'), 64, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024,
  })
  const codeCheck = createHash('sha256')
    .update('sijill recovery code check\0')
    .update(out.subarray(32))
    .digest('hex')
    .slice(0, 32)
  return { wrappingKey: out.subarray(0, 32), codeCheck }
}

/** Everything but the ciphertext is bound to it: editing any field fails the GCM tag. */
function associatedData(f: Omit<RecoveryFile, 'iv' | 'tag' | 'wrappedKey' | 'cipher'>): Buffer {
  const { N, r, p, salt } = f.kdf
  return Buffer.from(
    JSON.stringify([
      f.format,
      f.version,
      f.createdAt,
      f.keyId,
      f.kdf.name,
      N,
      r,
      p,
      salt,
      f.codeCheck,
    ]),
  )
}

function writeAtomically(file: string, text: string): void {
  writeFileAtomic(file, text, { mode: 0o600 })
}

/** Makes a new code for `key` and stores the wrapped key; any previous code stops working. */
export function createRecovery(dataDir: string, key: Buffer): { code: string } {
  if (key.length !== KEY_BYTES) throw new Error('A database key is 32 bytes')
  const code = newRecoveryCode()
  const kdf: Kdf = { name: 'scrypt', ...SCRYPT_PARAMS, salt: randomBytes(16).toString('base64') }
  const { wrappingKey, codeCheck } = derive(parseRecoveryCode(code).secret, kdf)
  const header = {
    format: FORMAT,
    version: VERSION,
    createdAt: nowIso(),
    keyId: keyId(key),
    kdf,
    codeCheck,
  } as const
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv)
  cipher.setAAD(associatedData(header))
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()])
  const file: RecoveryFile = {
    ...header,
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrapped.toString('base64'),
  }
  writeAtomically(recoveryFile(dataDir), JSON.stringify(file, null, 2) + '\n')
  return { code }
}

export function hasRecovery(dataDir: string): boolean {
  return existsSync(recoveryFile(dataDir))
}

function readRecoveryFile(dataDir: string): RecoveryFile {
  const path = recoveryFile(dataDir)
  if (!existsSync(path)) throw appError('not_found', 'errors.recovery_missing', { file: path })
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    json = null
  }
  const parsed = RecoveryFileSchema.safeParse(json)
  if (!parsed.success) throw appError('validation', 'errors.recovery_file_damaged', { file: path })
  return parsed.data
}

/**
 * The database key the code unlocks. Refuses a mistyped code (`recovery_code_shape`,
 * `recovery_code_invalid` with the group), a code that is not this file's
 * (`recovery_code_wrong`), and a file that was edited (`recovery_file_damaged`).
 */
export function recoverKey(dataDir: string, code: string): Buffer {
  const { secret } = parseRecoveryCode(code)
  const file = readRecoveryFile(dataDir)
  const { wrappingKey, codeCheck } = derive(secret, file.kdf)
  if (!timingSafeEqual(Buffer.from(codeCheck, 'hex'), Buffer.from(file.codeCheck, 'hex'))) {
    throw appError('validation', 'errors.recovery_code_wrong')
  }
  const damaged = appError('validation', 'errors.recovery_file_damaged', {
    file: recoveryFile(dataDir),
  })
  let key: Buffer
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(file.iv, 'base64'))
    decipher.setAAD(associatedData(file))
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'))
    key = Buffer.concat([decipher.update(Buffer.from(file.wrappedKey, 'base64')), decipher.final()])
  } catch {
    throw damaged
  }
  if (key.length !== KEY_BYTES || keyId(key) !== file.keyId) throw damaged
  return key
}

/**
 * Whether `code` opens this desk's recovery file (and, given the desk's key, whether
 * it gives that key back). A mistyped or wrong code is `false`; a missing or damaged
 * file is an error, since no code could pass.
 */
export function verifyRecoveryCode(dataDir: string, code: string, expected?: Buffer): boolean {
  try {
    const key = recoverKey(dataDir, code)
    return expected === undefined || key.equals(expected)
  } catch (error) {
    if (error instanceof AppError && error.data.key.startsWith('errors.recovery_code_'))
      return false
    throw error
  }
}

export interface RecoveryStatus {
  exists: boolean
  createdAt: string | null
  /** The file holds the desk's current key (false when it is damaged or from another key). */
  matchesKey: boolean
}

/** What the settings show: whether a code was made, when, and whether it still fits the key. */
export function recoveryStatus(dataDir: string, key: Buffer): RecoveryStatus {
  if (!hasRecovery(dataDir)) return { exists: false, createdAt: null, matchesKey: false }
  try {
    const file = readRecoveryFile(dataDir)
    return { exists: true, createdAt: file.createdAt, matchesKey: file.keyId === keyId(key) }
  } catch {
    return { exists: true, createdAt: null, matchesKey: false }
  }
}

/** The schema version of the database if `key` opens it, else null. Opened read-only. */
export function schemaVersionWith(file: string, key: Buffer): number | null {
  try {
    const { db } = openDatabase({ file, key, readonly: true })
    try {
      return db.pragma('user_version', { simple: true }) as number
    } finally {
      db.close()
    }
  } catch (error) {
    if (error instanceof AppError && error.data.key === 'errors.database_key') return null
    throw error
  }
}

/**
 * `recover-key`: when the key store has lost the key, recovers it with the code, checks
 * that it opens this folder's database (read-only), and writes it to `store`. Refused
 * while the store still holds a key that opens the database (nothing to recover). A key
 * file that does not open it is kept aside as `sijill.key.replaced`, never destroyed.
 */
export function restoreKey(
  dataDir: string,
  code: string,
  store: KeyStore,
): { schemaVersion: number; keyId: string } {
  const database = join(dataDir, DATABASE_FILE)
  if (!existsSync(database))
    throw appError('not_found', 'errors.recovery_no_database', { file: database })
  let current: Buffer | null = null
  try {
    current = store.read()
  } catch {
    current = null
  }
  if (current && schemaVersionWith(database, current) !== null)
    throw appError('conflict', 'errors.recovery_not_needed')
  const key = recoverKey(dataDir, code)
  const schemaVersion = schemaVersionWith(database, key)
  if (schemaVersion === null) throw appError('validation', 'errors.recovery_key_mismatch')
  const plain = join(dataDir, KEY_FILE_NAME)
  if (existsSync(plain)) renameSync(plain, `${plain}.replaced`)
  store.write(key)
  return { schemaVersion, keyId: keyId(key) }
}
