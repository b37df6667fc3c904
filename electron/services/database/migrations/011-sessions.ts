import type { Migration } from './migration'

/**
 * Awareness sessions and caravans (issue 6): a session at the chamber, at a craft fair, at
 * a caravan stop or at a permanent contact point, with its place, partners, languages,
 * targets, capacity and status; a caravan is an itinerary of stops, each a session. The
 * invitation list and the check-ins hang off the session.
 */
export const m011: Migration = {
  version: 11,
  name: 'sessions',
  up: `
    CREATE TABLE caravan (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    ) STRICT;

    CREATE TABLE session (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('chamber', 'fair', 'caravan_stop', 'contact_point')),
      title TEXT NOT NULL,
      starts_at TEXT NOT NULL,
      ends_at TEXT NOT NULL,
      province_code TEXT,
      commune_code TEXT,
      venue TEXT NOT NULL DEFAULT '',
      partners_json TEXT NOT NULL DEFAULT '[]',
      languages_json TEXT NOT NULL DEFAULT '[]',
      target_activities_json TEXT NOT NULL DEFAULT '[]',
      target_communes_json TEXT NOT NULL DEFAULT '[]',
      capacity INTEGER,
      organiser TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
      cancel_reason TEXT,
      caravan_id TEXT REFERENCES caravan (id),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    CREATE INDEX session_starts ON session (starts_at);
    CREATE INDEX session_caravan ON session (caravan_id) WHERE caravan_id IS NOT NULL;

    CREATE TABLE session_invitee (
      session_id TEXT NOT NULL REFERENCES session (id),
      artisan_id TEXT NOT NULL REFERENCES artisan (id),
      invited_at TEXT NOT NULL,
      PRIMARY KEY (session_id, artisan_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE session_attendance (
      session_id TEXT NOT NULL REFERENCES session (id),
      artisan_id TEXT NOT NULL REFERENCES artisan (id),
      checked_in_at TEXT NOT NULL,
      walk_in INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (session_id, artisan_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX session_attendance_artisan ON session_attendance (artisan_id);
  `,
}
