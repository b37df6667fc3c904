import type { Migration } from './migration'

/**
 * Finding artisans by a secondary activity (invitation lists of sessions, issue 6) without
 * scanning every artisan's activities: at a national register's size that scan would cost
 * an organiser seconds per filter.
 */
export const m013: Migration = {
  version: 13,
  name: 'activity-index',
  up: `
    CREATE INDEX artisan_activity_code ON artisan_activity (activity_code, artisan_id);
  `,
}
