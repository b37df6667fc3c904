/**
 * Roles of the chamber's staff (domain README). Every API method names the roles that
 * may call it; the router checks them. Until accounts exist, the desk itself acts with
 * every role (see `deskActor` in electron/services).
 */
export const ROLES = [
  'clerk',
  'certificate_officer',
  'session_organiser',
  'supervisor',
  'administrator',
] as const
export type Role = (typeof ROLES)[number]

/** Who is calling: written into every audit row. */
export interface Actor {
  id: string
  name: string
  roles: readonly Role[]
}
