import type { Migration } from './migration'

/**
 * Supervisor approval (issue 7): a clerk's new registration, or a change of an artisan's
 * identity (CIN, names, birth date), waits here for a supervisor before anything of the
 * file goes to the registry. At most one approval per artisan is open (pending or
 * returned) at a time; decided ones stay as history. `changed_fields_json` holds, per
 * field, the value before the first held change and the value now.
 */
export const m017: Migration = {
  version: 17,
  name: 'approvals',
  up: `
    CREATE TABLE approval (
      id TEXT PRIMARY KEY,
      artisan_id TEXT NOT NULL REFERENCES artisan (id),
      kind TEXT NOT NULL CHECK (kind IN ('registration', 'sensitive_edit')),
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'returned')),
      requested_by_id TEXT NOT NULL,
      requested_by_name TEXT NOT NULL,
      requested_at TEXT NOT NULL,
      changed_fields_json TEXT NOT NULL DEFAULT '{}',
      decided_by_id TEXT,
      decided_by_name TEXT,
      decided_at TEXT,
      comment TEXT,
      version INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    CREATE INDEX approval_status ON approval (status, requested_at);
    CREATE INDEX approval_artisan ON approval (artisan_id, requested_at);
    CREATE UNIQUE INDEX approval_open ON approval (artisan_id)
      WHERE status IN ('pending', 'returned');
  `,
}
