import type { Actor } from '@shared/api/roles'

/** Who is calling and through which transport; every handler receives it. */
export interface CallContext {
  actor: Actor
  transport: 'ipc' | 'http' | 'direct'
}
