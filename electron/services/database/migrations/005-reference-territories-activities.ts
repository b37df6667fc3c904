import type { Migration } from './migration'

/** Territories below the region, and the craft activity nomenclature (versioned streams). */
export const m005: Migration = {
  version: 5,
  name: 'reference-territories-activities',
  up: `
    CREATE TABLE ref_province (
      code TEXT PRIMARY KEY,
      region_code TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('province', 'prefecture')),
      name_ar TEXT NOT NULL,
      name_fr TEXT NOT NULL
    ) STRICT;
    CREATE INDEX ref_province_region ON ref_province (region_code);

    CREATE TABLE ref_commune (
      code TEXT PRIMARY KEY,
      province_code TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('urban', 'rural')),
      name_ar TEXT NOT NULL,
      name_fr TEXT NOT NULL
    ) STRICT;
    CREATE INDEX ref_commune_province ON ref_commune (province_code);

    CREATE TABLE ref_activity (
      code TEXT PRIMARY KEY,
      category_code TEXT NOT NULL,
      category_ar TEXT NOT NULL,
      category_fr TEXT NOT NULL,
      branch_code TEXT NOT NULL,
      branch_ar TEXT NOT NULL,
      branch_fr TEXT NOT NULL,
      kind TEXT NOT NULL,
      name_ar TEXT NOT NULL,
      name_fr TEXT NOT NULL
    ) STRICT;
    CREATE INDEX ref_activity_branch ON ref_activity (branch_code);
  `,
}
