import type { Migration } from './migration'

/**
 * Documents issued to artisans: each issuance (original or duplicata) is a row with its
 * number, type, who issued it and when, and what was printed (so that a reprint prints the
 * same content and a verification can show it); cancellation keeps the row with a reason.
 * Numbers are made on the desk without asking anyone: type, region, year, desk, sequence.
 */
export const m008: Migration = {
  version: 8,
  name: 'documents',
  up: `
    CREATE TABLE document (
      id TEXT PRIMARY KEY,
      number TEXT NOT NULL,
      copy INTEGER NOT NULL DEFAULT 0 CHECK (copy >= 0),
      type TEXT NOT NULL CHECK (type IN ('receipt', 'certificate', 'summary')),
      artisan_id TEXT NOT NULL REFERENCES artisan (id),
      issued_at TEXT NOT NULL,
      issued_by TEXT NOT NULL,
      issued_by_name TEXT NOT NULL,
      content_json TEXT NOT NULL,
      cancelled_at TEXT,
      cancelled_by TEXT,
      cancel_reason TEXT,
      UNIQUE (number, copy)
    ) STRICT;
    CREATE INDEX document_artisan ON document (artisan_id, issued_at);
    CREATE TABLE document_sequence (
      type TEXT NOT NULL,
      year INTEGER NOT NULL,
      last INTEGER NOT NULL,
      PRIMARY KEY (type, year)
    ) STRICT, WITHOUT ROWID;
  `,
}
