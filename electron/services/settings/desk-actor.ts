import { ROLES, type Actor } from '@shared/api/roles'

/**
 * Until accounts exist, whoever sits at the desk acts as the desk itself, with every
 * role; the audit log names the desk. The accounts issue replaces this with people.
 */
export function deskActor(deskId: string, deskName: string | undefined): Actor {
  return { id: `desk:${deskId}`, name: deskName ?? 'desk', roles: ROLES }
}

/** Actor for changes the application makes by itself (first run, reference seeding). */
export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'Sijill', roles: [] }
