import type { Role } from '@shared/api/roles'
import type { Section } from './sections'

/**
 * Where a person lands after logging in, from their roles: the counter for the counter's
 * people (clerks, and administrators, who work the counter between their own tasks); the
 * approval queue (Administration) for a supervisor; the documents for a certificate
 * officer; the sessions for an organiser.
 */
export function homeOf(roles: readonly Role[]): Section {
  if (roles.includes('clerk') || roles.includes('administrator')) return 'counter'
  if (roles.includes('supervisor')) return 'admin'
  if (roles.includes('certificate_officer')) return 'documents'
  if (roles.includes('session_organiser')) return 'sessions'
  return 'counter'
}
