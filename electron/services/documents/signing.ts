import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto'
import type { Actor } from '@shared/api/roles'
import { appError } from '@shared/errors'
import { appendAudit } from '../audit/audit-log'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { sql } from '../database/statements'

/**
 * Signed QR payloads, verifiable offline by anyone holding the public key (docs/documents.md):
 *
 *     SJL1.<base64url(JSON payload)>.<base64url(Ed25519 signature of "SJL1.<payload>")>
 *
 * The payload names the key that signed it (`k`). Keys live in the desk's encrypted
 * database; the public part is exported for third parties.
 */
export const PREFIX = 'SJL1'

export interface SigningKey {
  id: string
  publicKey: string
  createdAt: string
  retiredAt: string | null
  canSign: boolean
}

const b64url = (b: Buffer) => b.toString('base64url')

function keyId(publicKey: string): string {
  return `K${createHash('sha256').update(publicKey).digest('hex').slice(0, 8).toUpperCase()}`
}

function makeKey(db: Db, at: string): string {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const raw = publicKey.export({ format: 'jwk' }).x as string
  const id = keyId(raw)
  db.prepare(
    'INSERT INTO signing_key (id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)',
  ).run(id, raw, privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'), at)
  return id
}

function activeKey(db: Db): { id: string; privateKey: string } {
  const row = sql(
    db,
    `SELECT id, private_key AS privateKey FROM signing_key
       WHERE private_key IS NOT NULL AND retired_at IS NULL ORDER BY created_at DESC LIMIT 1`,
  ).get() as { id: string; privateKey: string } | undefined
  if (row) return row
  const id = makeKey(db, nowIso())
  return activeKey(db) ?? { id, privateKey: '' }
}

export function signPayload(db: Db, payload: Record<string, unknown>): string {
  const key = activeKey(db)
  const body = b64url(Buffer.from(JSON.stringify({ ...payload, k: key.id }), 'utf8'))
  const signed = `${PREFIX}.${body}`
  return `${signed}.${b64url(sign(null, Buffer.from(signed), privateKeyObject(key.privateKey)))}`
}

/** The key object of the active private key, parsed once (a batch signs thousands). */
let parsedKey: { der: string; key: KeyObject } | null = null
function privateKeyObject(der: string): KeyObject {
  if (parsedKey?.der !== der)
    parsedKey = {
      der,
      key: createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' }),
    }
  return parsedKey.key
}

export type Verdict =
  | { status: 'valid'; payload: Record<string, unknown> }
  | { status: 'invalid'; reason: 'format' | 'unknown_key' | 'signature' }

export function verifyText(db: Db, text: string): Verdict {
  const parts = text.trim().split('.')
  if (parts.length !== 3 || parts[0] !== PREFIX) return { status: 'invalid', reason: 'format' }
  const [prefix, body, signature] = parts as [string, string, string]
  let payload: Record<string, unknown>
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return { status: 'invalid', reason: 'format' }
  }
  const row = knownKey(db, String(payload.k ?? ''))
  if (!row) return { status: 'invalid', reason: 'unknown_key' }
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: row.publicKey },
    format: 'jwk',
  })
  const ok = verify(
    null,
    Buffer.from(`${prefix}.${body}`),
    publicKey,
    Buffer.from(signature, 'base64url'),
  )
  return ok ? { status: 'valid', payload } : { status: 'invalid', reason: 'signature' }
}

/**
 * A public key this desk knows by its id: its own, one added by hand, or one that came
 * with a certificate notice from the registry (other desks' certificates, synced) — the
 * id must be the key's own fingerprint.
 */
function knownKey(db: Db, id: string): { publicKey: string } | undefined {
  const own = sql(db, 'SELECT public_key AS publicKey FROM signing_key WHERE id = ?').get(id) as
    { publicKey: string } | undefined
  if (own) return own
  const synced = sql(
    db,
    `SELECT json_extract(notice_json, '$.publicKey') FROM certificate_notice
     WHERE json_extract(notice_json, '$.keyId') = ? LIMIT 1`,
  )
    .pluck()
    .get(id) as string | undefined
  return synced && keyId(synced) === id ? { publicKey: synced } : undefined
}

/** The public key of a key id this desk signs with (for the registry's certificate notices). */
export function publicKeyOf(db: Db, id: string): string | null {
  return (
    (sql(db, 'SELECT public_key FROM signing_key WHERE id = ?').pluck().get(id) as
      string | undefined) ?? null
  )
}

export function listKeys(db: Db): SigningKey[] {
  activeKey(db)
  return (
    db
      .prepare(
        `SELECT id, public_key AS publicKey, created_at AS createdAt, retired_at AS retiredAt,
           private_key IS NOT NULL AS canSign FROM signing_key ORDER BY created_at DESC`,
      )
      .all() as (Omit<SigningKey, 'canSign'> & { canSign: number })[]
  ).map((k) => ({ ...k, canSign: k.canSign === 1 }))
}

/** Retires the signing key and makes a new one; what the old key signed still verifies. */
export function rotateKey(db: Db, actor: Actor): { id: string } {
  const at = nowIso()
  return db.transaction(() => {
    const old = activeKey(db)
    db.prepare('UPDATE signing_key SET retired_at = ? WHERE id = ?').run(at, old.id)
    const id = makeKey(db, at)
    appendAudit(
      db,
      actor,
      {
        action: 'signing_key.rotate',
        entityType: 'signing_key',
        entityId: id,
        before: { id: old.id },
        after: { id },
      },
      at,
    )
    return { id }
  })()
}

/**
 * Adds the public key of another desk (of this chamber or another), so that its
 * certificates verify here offline. Verify-only: it never signs. Adding a key already
 * known changes nothing.
 */
export function importPublicKey(
  db: Db,
  actor: Actor,
  publicKey: string,
): { id: string; added: boolean } {
  const raw = publicKey.trim()
  if (!/^[A-Za-z0-9_-]{43}$/.test(raw) || Buffer.from(raw, 'base64url').length !== 32)
    throw appError('validation', 'errors.public_key_invalid')
  try {
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' })
  } catch {
    throw appError('validation', 'errors.public_key_invalid')
  }
  const id = keyId(raw)
  const at = nowIso()
  return db.transaction(() => {
    const { changes } = db
      .prepare(
        'INSERT OR IGNORE INTO signing_key (id, public_key, private_key, created_at) VALUES (?, ?, NULL, ?)',
      )
      .run(id, raw, at)
    if (changes)
      appendAudit(
        db,
        actor,
        {
          action: 'signing_key.import',
          entityType: 'signing_key',
          entityId: id,
          before: null,
          after: { id, publicKey: raw },
        },
        at,
      )
    return { id, added: changes > 0 }
  })()
}
