import type { Migration } from './migration'

/**
 * Ed25519 keys that sign the QR codes of certificates. A desk makes its own key on first
 * use and may rotate it; retired keys stay, so certificates they signed still verify.
 * Public keys of other desks or of the chamber can be added for verification (no private
 * part). The key id printed with each QR names the key that signed it.
 */
export const m009: Migration = {
  version: 9,
  name: 'signing-keys',
  up: `
    CREATE TABLE signing_key (
      id TEXT PRIMARY KEY,
      public_key TEXT NOT NULL,
      private_key TEXT,
      created_at TEXT NOT NULL,
      retired_at TEXT
    ) STRICT;
    ALTER TABLE artisan ADD COLUMN certificate_issued_at TEXT;
  `,
}
