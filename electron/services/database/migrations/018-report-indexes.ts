import type { Migration } from './migration'

/**
 * The dashboard (issue 8) counts the register under any mix of place, craft, actor type,
 * sex and age band within 300 ms at 1,000,000 artisans. A table scan reads every page of
 * the files (about 900 MB at that size, seconds); `artisan_report` holds just the columns
 * the figures read, for live files only, so a count is one pass over a narrow index —
 * entered by province (a commune brings its province) when a place is chosen. Files created
 * in a period are read from `artisan_created`, entered by day: the period's rows only. Path
 * events are read by step and day, certificates by type and day.
 */
export const m018: Migration = {
  version: 18,
  name: 'report-indexes',
  up: `
    CREATE INDEX artisan_report ON artisan (
      province_code, commune_code, main_activity, actor_type, sex, birth_date,
      rna_status, cover_status, bank_status
    ) WHERE deleted_at IS NULL;
    CREATE INDEX artisan_created ON artisan (
      created_at, province_code, main_activity, actor_type, sex, birth_date
    ) WHERE deleted_at IS NULL;
    CREATE INDEX artisan_event_step ON artisan_event (step, happened_on);
    CREATE INDEX document_type_issued ON document (type, issued_at);
  `,
}
