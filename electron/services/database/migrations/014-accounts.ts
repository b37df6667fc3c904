import type { Migration } from './migration'

/**
 * Accounts (issue 7): the people who use the desk, their roles, and what protects them —
 * scrypt password hashes, failed attempts and a lockout that grows. Accounts are never
 * deleted (the audit log names them); they are deactivated.
 */
export const m014: Migration = {
  version: 14,
  name: 'accounts',
  up: `
    CREATE TABLE user_account (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      full_name TEXT NOT NULL,
      roles_json TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      must_change_password INTEGER NOT NULL DEFAULT 0,
      active INTEGER NOT NULL DEFAULT 1,
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      last_login_at TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    ) STRICT;
  `,
}
