import type { Migration } from './migration'

/**
 * Reference data lives in the database so that sync can update it (docs/sync.md, rule 10):
 * each stream has a version; the seed shipped in resources/ is loaded when newer.
 */
export const m003: Migration = {
  version: 3,
  name: 'reference-regions',
  up: `
    CREATE TABLE reference_stream (
      name TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE ref_region (
      code TEXT PRIMARY KEY,
      name_ar TEXT NOT NULL,
      name_fr TEXT NOT NULL,
      seat_ar TEXT NOT NULL,
      seat_fr TEXT NOT NULL
    ) STRICT;
  `,
}
