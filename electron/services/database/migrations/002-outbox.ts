import type { Migration } from './migration'

/**
 * The outbox that sync drains (docs/sync.md): one row per operation, written in the same
 * transaction as the change. `op_id` is the idempotency key the registry remembers.
 */
export const m002: Migration = {
  version: 2,
  name: 'outbox',
  up: `
    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      op_id TEXT NOT NULL UNIQUE,
      entity_type TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
      payload TEXT NOT NULL,
      base_revision TEXT,
      created_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'acked', 'rejected')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      last_error TEXT,
      acked_at TEXT
    ) STRICT;
    CREATE INDEX outbox_status ON outbox (status, seq);
    CREATE INDEX outbox_entity ON outbox (entity_type, entity_id, seq);
  `,
}
