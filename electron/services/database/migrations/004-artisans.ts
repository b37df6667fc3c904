import type { Migration } from './migration'

/**
 * The artisan file and its path. `num` is an explicit integer key (stable across VACUUM)
 * that the name index uses as its rowid; `id` is the UUIDv7 that sync and links use.
 * Most identity columns are nullable because an artisan can be *identified* with minimal
 * data (caravans, walk-ins) before the complete file is registered.
 */
export const m004: Migration = {
  version: 4,
  name: 'artisans',
  up: `
    CREATE TABLE artisan (
      num INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      cin TEXT,
      nia TEXT,
      first_name_ar TEXT,
      last_name_ar TEXT,
      first_name_lat TEXT,
      last_name_lat TEXT,
      sex TEXT CHECK (sex IN ('F', 'M')),
      birth_date TEXT,
      birth_place TEXT NOT NULL DEFAULT '',
      phone TEXT,
      phone2 TEXT,
      region_code TEXT,
      province_code TEXT,
      commune_code TEXT,
      address TEXT NOT NULL DEFAULT '',
      actor_type TEXT NOT NULL DEFAULT 'artisan'
        CHECK (actor_type IN ('artisan', 'master_artisan', 'cooperative', 'enterprise')),
      organisation_name TEXT NOT NULL DEFAULT '',
      organisation_legal_id TEXT NOT NULL DEFAULT '',
      main_activity TEXT,
      practice TEXT,
      workplace_address TEXT NOT NULL DEFAULT '',
      qualification TEXT,
      practice_years INTEGER,
      qualification_detail TEXT NOT NULL DEFAULT '',
      evidence_json TEXT NOT NULL DEFAULT '{}',
      consent_at TEXT,
      notes TEXT NOT NULL DEFAULT '',
      rna_status TEXT NOT NULL DEFAULT 'identified'
        CHECK (rna_status IN ('identified', 'pending', 'submitted', 'registered', 'rejected')),
      rna_submitted_at TEXT,
      rna_registered_at TEXT,
      rna_rejection_reason TEXT,
      cover_status TEXT NOT NULL DEFAULT 'none'
        CHECK (cover_status IN ('none', 'cnss_pre_registered', 'amo_covered', 'other_cover')),
      cnss_number TEXT,
      cover_at TEXT,
      bank_status TEXT NOT NULL DEFAULT 'none' CHECK (bank_status IN ('none', 'referred', 'opened')),
      bank_partner TEXT,
      bank_at TEXT,
      server_revision TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      deleted_at TEXT
    ) STRICT;
    CREATE UNIQUE INDEX artisan_cin ON artisan (cin) WHERE cin IS NOT NULL AND deleted_at IS NULL;
    CREATE INDEX artisan_nia ON artisan (nia) WHERE nia IS NOT NULL;
    CREATE INDEX artisan_phone ON artisan (phone);
    CREATE INDEX artisan_phone2 ON artisan (phone2) WHERE phone2 IS NOT NULL;
    CREATE INDEX artisan_birth_date ON artisan (birth_date);
    CREATE INDEX artisan_commune ON artisan (commune_code);
    CREATE INDEX artisan_activity_main ON artisan (main_activity);
    CREATE INDEX artisan_rna_status ON artisan (rna_status, cover_status, bank_status);

    CREATE TABLE artisan_activity (
      artisan_id TEXT NOT NULL REFERENCES artisan (id),
      activity_code TEXT NOT NULL,
      PRIMARY KEY (artisan_id, activity_code)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE artisan_event (
      id TEXT PRIMARY KEY,
      artisan_id TEXT NOT NULL REFERENCES artisan (id),
      step TEXT NOT NULL,
      happened_on TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      detail_json TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX artisan_event_artisan ON artisan_event (artisan_id, happened_on);

    CREATE TABLE artisan_draft (
      id TEXT PRIMARY KEY,
      data_json TEXT NOT NULL,
      label TEXT NOT NULL DEFAULT '',
      actor_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE duplicate_decision (
      a_id TEXT NOT NULL,
      b_id TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('not_same')),
      actor_id TEXT NOT NULL,
      decided_at TEXT NOT NULL,
      PRIMARY KEY (a_id, b_id)
    ) STRICT, WITHOUT ROWID;

    CREATE VIRTUAL TABLE artisan_name_fts USING fts5 (
      names, tokenize = 'trigram', content = '', contentless_delete = 1
    );
  `,
}
