import type { ReferenceResponse } from '@shared/registry/contract'
import type { Db } from '../database/open'
import { writeActivities } from '../reference/activities'
import { streamVersion } from '../reference/streams'
import { writeTerritories } from '../reference/territories'
import { readState, writeState } from './state'

/**
 * Reference data from the registry (docs/sync.md, rule 10), pulled before anything else so
 * that the records that follow find their communes and activities: newer territories and
 * activities written over the desk's (codes are stable), the registry's version kept.
 */
export function referenceSince(db: Db): number {
  return readState(db, 'referenceVersion') ?? 0
}

export function applyReference(db: Db, reference: ReferenceResponse): boolean {
  if (!reference.changed) return false
  db.transaction(() => {
    if (reference.territories)
      writeTerritories(db, reference.territories, streamVersion(db, 'territories') ?? 0)
    if (reference.activities)
      writeActivities(db, reference.activities, streamVersion(db, 'activities') ?? 0)
    writeState(db, 'referenceVersion', reference.version)
  })()
  return true
}
