import type { Migration } from './migration'

/**
 * The audit screen (issue 7) reads the log newest first, filtered by who or by which
 * action, and in day ranges: without these, a filter on a busy desk's log would sort or
 * scan every row it ever wrote. (SQLite ends every index with the rowid, which is `seq`.)
 */
export const m016: Migration = {
  version: 16,
  name: 'audit-indexes',
  up: `
    CREATE INDEX audit_log_actor_seq ON audit_log (actor_id, seq);
    CREATE INDEX audit_log_action ON audit_log (action, seq);
    CREATE INDEX audit_log_at ON audit_log (at);
  `,
}
