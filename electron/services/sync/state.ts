import type { Db } from '../database/open'
import { sql } from '../database/statements'

/**
 * What the desk keeps about its link to the registry (`sync_state`, in the encrypted
 * database): the endpoint, the enrolment (device id, desk code, chamber), the tokens, the
 * pull cursor and the reference version, and how the last sync went. Tokens never go to
 * the audit log or to the screens.
 */
export interface Enrolment {
  registryUrl: string
  deviceId: string
  deskCode: string
  chamberCode: string
  enrolledAt: string
}

export interface TokenPair {
  accessToken: string
  accessTokenExpiresAt: string
  refreshToken: string
}

export interface LastRun {
  at: string
  ok: boolean
  /** i18n key and params of what went wrong, when it did. */
  error?: { key: string; params: Record<string, string | number> }
}

type Keys = {
  enrolment: Enrolment
  tokens: TokenPair
  cursor: string
  referenceVersion: number
  lastRun: LastRun
  lastSuccessAt: string
}

export function readState<K extends keyof Keys>(db: Db, key: K): Keys[K] | undefined {
  const raw = sql(db, 'SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as
    string | undefined
  return raw === undefined ? undefined : (JSON.parse(raw) as Keys[K])
}

export function writeState<K extends keyof Keys>(db: Db, key: K, value: Keys[K]): void {
  sql(
    db,
    `INSERT INTO sync_state (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(key, JSON.stringify(value))
}

export function clearState(db: Db, key: keyof Keys): void {
  sql(db, 'DELETE FROM sync_state WHERE key = ?').run(key)
}
