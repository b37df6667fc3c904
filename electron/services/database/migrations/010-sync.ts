import type { Migration } from './migration'

/**
 * Sync with the national registry (docs/sync.md): the outbox learns the `conflict` state
 * (an operation the registry refused because the record changed meanwhile — kept, with
 * the registry's version, in `sync_conflict` until a supervisor resolves it); the desk's
 * enrolment, tokens and pull cursor live in `sync_state`; `sync_log` keeps what each sync
 * did (bounded). The outbox is rebuilt to widen its status check (SQLite cannot alter one).
 */
export const m010: Migration = {
  version: 10,
  name: 'sync',
  up: `
    CREATE TABLE outbox_new (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      op_id TEXT NOT NULL UNIQUE,
      entity_type TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
      payload TEXT NOT NULL,
      base_revision TEXT,
      created_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'acked', 'rejected', 'conflict')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      last_error TEXT,
      acked_at TEXT,
      conflict_id TEXT
    ) STRICT;
    INSERT INTO outbox_new (seq, op_id, entity_type, entity_id, op, payload, base_revision,
        created_at, status, attempts, next_attempt_at, last_error, acked_at)
      SELECT seq, op_id, entity_type, entity_id, op, payload, base_revision, created_at, status,
        attempts, next_attempt_at, last_error, acked_at FROM outbox;
    DROP TABLE outbox;
    ALTER TABLE outbox_new RENAME TO outbox;
    CREATE INDEX outbox_status ON outbox (status, seq);
    CREATE INDEX outbox_entity ON outbox (entity_type, entity_id, seq);

    CREATE TABLE sync_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sync_conflict (
      id TEXT PRIMARY KEY,
      entity_type TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      local_json TEXT NOT NULL,
      registry_json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      resolved_at TEXT,
      resolved_by TEXT,
      resolution_json TEXT
    ) STRICT;
    CREATE INDEX sync_conflict_open ON sync_conflict (resolved_at, created_at);
    CREATE INDEX sync_conflict_entity ON sync_conflict (entity_type, entity_id);

    CREATE TABLE sync_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
      message_key TEXT NOT NULL,
      params_json TEXT NOT NULL DEFAULT '{}'
    ) STRICT;

    CREATE TABLE certificate_notice (
      number TEXT PRIMARY KEY,
      notice_json TEXT NOT NULL,
      revision TEXT NOT NULL,
      received_at TEXT NOT NULL
    ) STRICT;
  `,
}
