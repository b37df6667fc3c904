import type { Db } from '../database/open'
import { sql } from '../database/statements'

/**
 * What "held for approval" means to the outbox: an operation on an artisan whose file has
 * an open approval (pending or returned), or on a certificate of that artisan. Every
 * operation of such a file waits — in order — and leaves with the next sync once a
 * supervisor approves. A SQL condition on the `outbox` table, shared by the push selection
 * and the sync status.
 */
export const HELD_FOR_APPROVAL = `(outbox.entity_type IN ('artisan', 'certificate') AND EXISTS (
  SELECT 1 FROM approval WHERE approval.status IN ('pending', 'returned')
    AND approval.artisan_id = CASE outbox.entity_type WHEN 'artisan' THEN outbox.entity_id
      ELSE json_extract(outbox.payload, '$.artisanId') END))`

/**
 * Operations held for approvals in the outbox; for one artisan, its pending operations
 * (all of them held while its approval is open).
 */
export function heldCount(db: Db, artisanId?: string): number {
  if (artisanId === undefined)
    return sql(db, `SELECT count(*) FROM outbox WHERE status = 'pending' AND ${HELD_FOR_APPROVAL}`)
      .pluck()
      .get() as number
  return sql(
    db,
    `SELECT count(*) FROM outbox WHERE status = 'pending' AND entity_type = 'artisan'
       AND entity_id = ?`,
  )
    .pluck()
    .get(artisanId) as number
}
