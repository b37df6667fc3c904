import type { PushOperation, PushResponse, PushResult } from '@shared/registry/contract'
import { uuidv7 } from '@shared/ids/uuidv7'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { applyRegistryArtisan } from './apply-artisan'
import { autoMerge } from './auto-merge'
import { backoffMs } from './backoff'
import { RegistryError } from './client'
import { pendingOperations, toPushOperation, type OutboxRow } from './outbound'

/**
 * Draining the outbox (docs/sync.md, rules 2, 3, 5, 7, 9): pending operations in order, in
 * batches no bigger than the registry allows; each marked done only on the registry's
 * acknowledgement, in the transaction that records it. An operation the registry rejects
 * is shown on its record and does not hold the others back. A conflict keeps both
 * versions (sync_conflict) and lets the registry's apply meanwhile. A retryable failure
 * (network, 5xx, 429) leaves the batch pending with a backoff; sending it again is safe:
 * the registry remembers each operation by its id.
 */
export interface PushSummary {
  applied: number
  rejected: number
  conflicts: number
  /** Conflicts on fields the registry had not touched: kept from the desk at once. */
  merged: number
}

export async function pushOutbox(
  db: Db,
  send: (operations: PushOperation[]) => Promise<PushResponse>,
  maxBatch: number,
  options: { shouldStop?: () => boolean; onBatch?: (summary: PushSummary) => void } = {},
): Promise<PushSummary> {
  const summary: PushSummary = { applied: 0, rejected: 0, conflicts: 0, merged: 0 }
  for (;;) {
    if (options.shouldStop?.()) return summary
    const rows = pendingOperations(db, nowIso(), maxBatch)
    if (!rows.length) return summary
    const operations: PushOperation[] = []
    for (const row of rows) {
      const operation = toPushOperation(row)
      if (operation) operations.push(operation)
      else {
        markRejected(db, row, { code: 'local_invalid', message: 'not expressible in the contract' })
        summary.rejected++
      }
    }
    if (!operations.length) continue
    let response: PushResponse
    try {
      response = await send(operations)
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error
      if (error.kind === 'network' || error.kind === 'retryable') {
        postpone(db, rows, error.details.retryAfterMs)
        throw error
      }
      if (error.kind !== 'refused') throw error
      // The registry refused the batch as a whole (too big, or an operation it cannot
      // read): one by one, so that only the culprit is refused and the queue moves on.
      response = { results: [] }
      for (const operation of operations) {
        try {
          response.results.push(...(await send([operation])).results)
        } catch (single) {
          if (!(single instanceof RegistryError) || single.kind !== 'refused') throw single
          response.results.push({
            opId: operation.opId,
            status: 'rejected',
            reason: { code: single.code, message: single.message },
          })
        }
      }
    }
    const bySeq = new Map(rows.map((r) => [r.opId, r]))
    db.transaction(() => {
      for (const result of response.results) {
        const row = bySeq.get(result.opId)
        if (!row) continue
        bySeq.delete(result.opId)
        record(db, row, result, summary)
      }
    })()
    // An operation sent and not answered for: it waits like a failed batch (never resent
    // in a loop), and the sync reports the registry's answer as faulty.
    const unanswered = operations.filter((o) => bySeq.has(o.opId))
    if (unanswered.length) {
      postpone(
        db,
        rows.filter((r) => unanswered.some((o) => o.opId === r.opId)),
      )
      throw new RegistryError('retryable', 'bad_response', 'operations left unanswered')
    }
    options.onBatch?.(summary)
  }
}

function record(db: Db, row: OutboxRow, result: PushResult, summary: PushSummary): void {
  const at = nowIso()
  if (result.status === 'applied') {
    sql(
      db,
      `UPDATE outbox SET status = 'acked', acked_at = ?, last_error = NULL WHERE seq = ?`,
    ).run(at, row.seq)
    if (result.revision && row.entityType === 'artisan') {
      // What this desk queued after this operation was made on top of it: its new base.
      const { changes: later } = sql(
        db,
        `UPDATE outbox SET base_revision = ? WHERE entity_type = ? AND entity_id = ?
           AND status = 'pending' AND seq > ?`,
      ).run(result.revision, row.entityType, row.entityId, row.seq)
      // The registry's state as it answered (it may differ: a value normalised, a status
      // it keeps), unless more of this desk's changes are still to come for the file.
      if (!later && result.record)
        applyRegistryArtisan(db, row.entityId, result.revision, result.record, at)
      else
        sql(db, 'UPDATE artisan SET server_revision = ? WHERE id = ?').run(
          result.revision,
          row.entityId,
        )
    }
    summary.applied++
  } else if (result.status === 'rejected') {
    markRejected(db, row, result.reason)
    summary.rejected++
  } else {
    const conflict = keepConflict(db, row, result.current, at)
    if (autoMerge(db, conflict, result.current)) summary.merged++
    else summary.conflicts++
  }
}

function markRejected(db: Db, row: OutboxRow, reason: { code: string; message: string }): void {
  sql(db, `UPDATE outbox SET status = 'rejected', last_error = ? WHERE seq = ?`).run(
    JSON.stringify(reason),
    row.seq,
  )
}

/**
 * Both versions kept: the desk's operation (and those queued after it for the same
 * record, made on top of it) in the conflict, the registry's state applied to the file.
 */
function keepConflict(
  db: Db,
  row: OutboxRow,
  current: Extract<PushResult, { status: 'conflict' }>['current'],
  at: string,
): string {
  const id = uuidv7()
  const local = (
    sql(
      db,
      `SELECT op_id AS opId, op, payload, created_at AS createdAt FROM outbox
       WHERE entity_type = ? AND entity_id = ? AND status = 'pending' AND seq >= ? ORDER BY seq`,
    ).all(row.entityType, row.entityId, row.seq) as {
      opId: string
      op: string
      payload: string
      createdAt: string
    }[]
  ).map((o) => ({ ...o, payload: JSON.parse(o.payload) as unknown }))
  sql(
    db,
    `UPDATE outbox SET status = 'conflict', conflict_id = ? WHERE entity_type = ? AND entity_id = ?
       AND status = 'pending' AND seq >= ?`,
  ).run(id, row.entityType, row.entityId, row.seq)
  sql(
    db,
    `INSERT INTO sync_conflict (id, entity_type, entity_id, local_json, registry_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(id, row.entityType, row.entityId, JSON.stringify(local), JSON.stringify(current), at)
  applyRegistryArtisan(db, current.id, current.revision, current, at)
  return id
}

/** The batch waits as one: the same retry time for all, so that their order stays. */
function postpone(db: Db, rows: OutboxRow[], retryAfterMs?: number): void {
  const attempts = Math.max(...rows.map((r) => r.attempts))
  const at = new Date(Date.now() + backoffMs(attempts, retryAfterMs)).toISOString()
  const update = sql(
    db,
    'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE seq = ?',
  )
  db.transaction(() => {
    for (const row of rows) update.run(at, row.seq)
  })()
}
