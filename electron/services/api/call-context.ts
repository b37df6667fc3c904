import type { Actor } from '@shared/api/roles'

/**
 * Who is calling and through which transport; every handler receives it. `auth` says
 * whether a person is logged in (`active`), their session is locked (`locked`), nobody
 * is (`none`), or the caller is the desk itself through the direct transport (`direct`:
 * the command line and tests, run by whoever holds the desk's OS account and key).
 */
export interface CallContext {
  actor: Actor
  transport: 'ipc' | 'http' | 'direct'
  auth: 'active' | 'locked' | 'none' | 'direct'
  /** The login session's token, for the methods that act on it (logout, lock, unlock). */
  session?: string
  /** The account must choose a new password before anything else. */
  mustChangePassword?: boolean
}

/** Nobody logged in: no roles; only the `anyone` methods answer. */
export const ANONYMOUS: Actor = { id: 'anonymous', name: '', roles: [] }
