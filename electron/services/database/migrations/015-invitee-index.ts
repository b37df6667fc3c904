import type { Migration } from './migration'

/**
 * The invitations of one artisan (their file's sessions, an access request's data export)
 * without scanning every session's invitation list, which grows by thousands per session.
 */
export const m015: Migration = {
  version: 15,
  name: 'invitee-index',
  up: `
    CREATE INDEX session_invitee_artisan ON session_invitee (artisan_id);
  `,
}
