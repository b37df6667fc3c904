import type { Migration } from './migration'

/**
 * Indexes for the artisans list: each is (column, row key), so a filtered page newest
 * first is an index range with no sorting, however large the register. The composite
 * status index of migration 004 could not give that order and is replaced.
 */
export const m007: Migration = {
  version: 7,
  name: 'artisan-list-indexes',
  up: `
    DROP INDEX artisan_rna_status;
    CREATE INDEX artisan_province ON artisan (province_code);
    CREATE INDEX artisan_region ON artisan (region_code);
    CREATE INDEX artisan_rna_status ON artisan (rna_status);
    CREATE INDEX artisan_cover_status ON artisan (cover_status);
    CREATE INDEX artisan_bank_status ON artisan (bank_status);
  `,
}
