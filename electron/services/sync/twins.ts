import { uuidv7 } from '@shared/ids/uuidv7'
import type { RegistryArtisan } from '@shared/registry/records'
import { ArtisanFieldsSchema } from '@shared/registry/records'
import { appendAudit } from '../audit/audit-log'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { COLUMNS, REGISTRY_ACTOR } from './registry-columns'

/**
 * The same person registered at two desks before either synced: the registry keeps one
 * file (the first to arrive) and refuses the other's CIN. When that file reaches the desk
 * holding the other, the two become one — not two files with one CIN. The desk's file is
 * folded into the registry's: its history and documents move over, its own values wait in
 * a conflict for a supervisor to keep field by field, its unsent operations stop. Nothing
 * of it is dropped without a person choosing.
 */
export interface Twin {
  id: string
  values: Record<string, unknown>
}

const FIELDS = new Set(Object.keys(ArtisanFieldsSchema.shape))

/** Sets aside the local file that holds the CIN of an incoming registry file, if any. */
export function setTwinAside(db: Db, record: RegistryArtisan, at: string): Twin | null {
  if (!record.cin) return null
  const row = sql(
    db,
    `SELECT id, ${Object.keys(COLUMNS).join(', ')} FROM artisan
     WHERE cin = ? AND deleted_at IS NULL AND id <> ?`,
  ).get(record.cin, record.id) as ({ id: string } & Record<string, unknown>) | undefined
  if (!row) return null
  const values: Record<string, unknown> = {}
  for (const [column, field] of Object.entries(COLUMNS))
    if (FIELDS.has(field)) values[field] = row[column]
  values.secondaryActivities = sql(
    db,
    'SELECT activity_code FROM artisan_activity WHERE artisan_id = ?',
  )
    .pluck()
    .all(row.id)
  sql(db, 'UPDATE artisan SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, row.id)
  return { id: row.id, values }
}

/** Once the registry's file is in: the twin's history, documents and values follow it. */
export function foldTwin(db: Db, twin: Twin, record: RegistryArtisan, at: string): void {
  sql(db, 'UPDATE artisan_event SET artisan_id = ? WHERE artisan_id = ?').run(record.id, twin.id)
  sql(db, 'UPDATE document SET artisan_id = ? WHERE artisan_id = ?').run(record.id, twin.id)
  sql(db, 'DELETE FROM artisan_activity WHERE artisan_id = ?').run(twin.id)
  const conflict = uuidv7()
  sql(
    db,
    `UPDATE outbox SET status = 'conflict', conflict_id = ?
     WHERE entity_type = 'artisan' AND entity_id = ? AND status IN ('pending', 'rejected')`,
  ).run(conflict, twin.id)
  const local = [{ opId: `twin:${twin.id}`, op: 'update', payload: twin.values, createdAt: at }]
  sql(
    db,
    `INSERT INTO sync_conflict (id, entity_type, entity_id, local_json, registry_json, created_at)
     VALUES (?, 'artisan', ?, ?, ?, ?)`,
  ).run(conflict, record.id, JSON.stringify(local), JSON.stringify(record), at)
  appendAudit(
    db,
    REGISTRY_ACTOR,
    {
      action: 'artisan.twin_folded',
      entityType: 'artisan',
      entityId: record.id,
      before: { id: twin.id },
      after: { id: record.id, cin: record.cin, conflict },
    },
    at,
  )
}
