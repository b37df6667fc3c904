import type { Actor } from '@shared/api/roles'
import type { RegistryArtisan } from '@shared/registry/records'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { resolveConflict } from './conflicts'
import { artisanChangeOf } from './outbound'

/**
 * Most "conflicts" are not: the registry assigned an NIA or recorded a CNSS status while a
 * clerk corrected a phone number. When, for every field the desk changed, the registry
 * still holds the value the desk started from (or already holds the desk's value), the
 * desk's change is kept without asking anyone — resolved at once, audited as done by sync.
 * Only a field both sides changed differently waits for a supervisor.
 */
export const SYNC_ACTOR: Actor = { id: 'sync', name: 'Synchronisation', roles: [] }

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

export function mergesCleanly(db: Db, conflictId: string, registry: RegistryArtisan): boolean {
  const ops = sql(
    db,
    `SELECT op, payload, created_at AS createdAt FROM outbox WHERE conflict_id = ?`,
  ).all(conflictId) as { op: string; payload: string; createdAt: string }[]
  if (!ops.length) return false
  for (const o of ops) {
    if (o.op !== 'update') return false
    const payload = JSON.parse(o.payload) as Record<string, unknown>
    const change = artisanChangeOf(payload, o.createdAt)
    if (!change) return false
    const { step: _step, rnaStatus: _status, ...fields } = change
    const before = (payload._before ?? null) as Record<string, unknown> | null
    for (const [field, value] of Object.entries(fields)) {
      const theirs = registry[field as keyof RegistryArtisan]
      if (same(theirs, value)) continue
      if (!before || !(field in before) || !same(theirs, before[field])) return false
    }
  }
  return true
}

/** Resolves a clean conflict at once, keeping every field the desk changed. */
export function autoMerge(db: Db, conflictId: string, registry: RegistryArtisan): boolean {
  if (!mergesCleanly(db, conflictId, registry)) return false
  const fields = Object.keys(registry)
  resolveConflict(db, SYNC_ACTOR, conflictId, fields)
  return true
}
