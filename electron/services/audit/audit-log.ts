import { createHash } from 'node:crypto'
import type { Actor } from '@shared/api/roles'
import { uuidv7 } from '@shared/ids/uuidv7'
import type { Db } from '../database/open'
import { sql } from '../database/statements'

/**
 * Append-only audit log (who, when, what, before and after). Each row's hash covers its
 * content and the previous row's hash, so editing or deleting any row breaks the chain
 * from that point on; `verifyAuditChain` names the first broken link. SQL triggers
 * refuse UPDATE and DELETE on the table.
 */
export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEntry {
  action: string
  entityType: string
  entityId: string
  before: unknown
  after: unknown
}

/** A row of the audit log as stored. */
export interface AuditRow {
  seq: number
  id: string
  at: string
  actor_id: string
  actor_name: string
  action: string
  entity_type: string
  entity_id: string
  before_json: string | null
  after_json: string | null
  prev_hash: string
  hash: string
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value)
}

function rowHash(row: Omit<AuditRow, 'seq' | 'hash'>): string {
  const material = JSON.stringify([
    row.prev_hash,
    row.id,
    row.at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.entity_type,
    row.entity_id,
    row.before_json,
    row.after_json,
  ])
  return createHash('sha256').update(material).digest('hex')
}

/** Appends one entry. Call inside the transaction that makes the change it describes. */
export function appendAudit(db: Db, actor: Actor, entry: AuditEntry, at: string): string {
  const prev =
    (sql(db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as
      string | undefined) ?? GENESIS_HASH
  const row = {
    id: uuidv7(),
    at,
    actor_id: actor.id,
    actor_name: actor.name,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before_json: toJson(entry.before),
    after_json: toJson(entry.after),
    prev_hash: prev,
  }
  const hash = rowHash(row)
  sql(
    db,
    `INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity_type, entity_id,
       before_json, after_json, prev_hash, hash)
     VALUES (@id, @at, @actor_id, @actor_name, @action, @entity_type, @entity_id,
       @before_json, @after_json, @prev_hash, @hash)`,
  ).run({ ...row, hash })
  return hash
}

export type AuditVerdict =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenAt: number; reason: 'hash' | 'link' }

export function verifyAuditChain(db: Db): AuditVerdict {
  let prev = GENESIS_HASH
  let count = 0
  const rows = sql(
    db,
    'SELECT * FROM audit_log ORDER BY seq',
  ).iterate() as IterableIterator<AuditRow>
  for (const row of rows) {
    count++
    if (row.prev_hash !== prev) return { ok: false, count, brokenAt: row.seq, reason: 'link' }
    const { seq: _seq, hash, ...content } = row
    if (rowHash(content) !== hash) return { ok: false, count, brokenAt: row.seq, reason: 'hash' }
    prev = hash
  }
  return { ok: true, count }
}
