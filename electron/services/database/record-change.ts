import type { Actor } from '@shared/api/roles'
import { appendAudit, type AuditEntry } from '../audit/audit-log'
import { enqueue, type OutboxEntry } from '../outbox/outbox'
import type { Db } from './open'

/**
 * The one way a service records a change: the audit entry, and the outbox row when the
 * change must reach the registry. Call it inside the transaction that changes the row,
 * so the three land together or not at all (docs/architecture.md, Data).
 */
export function recordChange(
  db: Db,
  actor: Actor,
  at: string,
  audit: AuditEntry,
  outbox?: Omit<OutboxEntry, 'entityType' | 'entityId'>,
): void {
  appendAudit(db, actor, audit, at)
  if (outbox) enqueue(db, { ...outbox, entityType: audit.entityType, entityId: audit.entityId }, at)
}
