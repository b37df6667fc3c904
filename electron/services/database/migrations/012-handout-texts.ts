import type { Migration } from './migration'

/**
 * Handout texts rewritten by the chamber (issue 6): one title and body per topic and
 * language. A missing row means the text shipped with Sijill (handout-defaults.ts);
 * resetting a text deletes its row.
 */
export const m012: Migration = {
  version: 12,
  name: 'handout-texts',
  up: `
    CREATE TABLE handout_text (
      topic TEXT NOT NULL CHECK (topic IN ('rna', 'amo')),
      lang TEXT NOT NULL CHECK (lang IN ('ar', 'zgh', 'fr')),
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      PRIMARY KEY (topic, lang)
    ) STRICT;
  `,
}
