import { uuidv7 } from '@shared/ids/uuidv7'
import type { Db } from '../database/open'
import { sql } from '../database/statements'

/**
 * The outbox: what this desk must push to the national registry, in order. Rows are
 * written in the same transaction as the change they carry (docs/sync.md, rule 1); the
 * sync engine (a later issue) drains them.
 */
export type OutboxOp = 'create' | 'update' | 'delete'

export interface OutboxEntry {
  entityType: string
  entityId: string
  op: OutboxOp
  payload: unknown
  baseRevision: string | null
}

export function enqueue(db: Db, entry: OutboxEntry, at: string): string {
  const opId = uuidv7()
  sql(
    db,
    `INSERT INTO outbox (op_id, entity_type, entity_id, op, payload, base_revision, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    opId,
    entry.entityType,
    entry.entityId,
    entry.op,
    JSON.stringify(entry.payload),
    entry.baseRevision,
    at,
  )
  return opId
}

export function pendingCount(db: Db): number {
  return sql(db, `SELECT count(*) FROM outbox WHERE status = 'pending'`).pluck().get() as number
}
