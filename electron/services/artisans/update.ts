import type { Actor } from '@shared/api/roles'
import type { ArtisanRegistration } from '@shared/artisans/registration'
import { appError } from '@shared/errors'
import { holdEdit } from '../approvals/hold'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { recordChange } from '../database/record-change'
import { writeNameIndex } from './name-index'
import { checkReferences, fileColumns, refuseTakenCin, writeSecondaryActivities } from './register'
import { getArtisanFile, requireFileRow } from './read'

/**
 * Corrects or completes an artisan file. The clerk edits the version they opened; if
 * someone changed the file meanwhile, the save is refused (nothing is overwritten
 * silently). An *identified* file (import, caravan) that is completed here moves to
 * `pending`, waiting for RNA submission, like a file registered at the counter. The audit
 * entry and the registry update carry only what changed.
 */
export function updateArtisan(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: ArtisanRegistration,
): { id: string; version: number } {
  checkReferences(db, input)
  const at = nowIso()
  return db.transaction(() => {
    const row = requireFileRow(db, id)
    if (row.version !== expectedVersion) {
      throw appError('conflict', 'errors.stale_file', {
        found: row.version,
        expected: expectedVersion,
      })
    }
    refuseTakenCin(db, input.cin, id)
    const before = getArtisanFile(db, id)
    const columns = { ...fileColumns(input, at), consent_at: before.consentAt ?? at }
    const completes = before.rnaStatus === 'identified'
    db.prepare(
      `UPDATE artisan SET ${Object.keys(columns)
        .map((c) => `${c} = @${c}`)
        .join(', ')}, rna_status = @rna_status, version = version + 1, updated_at = @at
       WHERE id = @id`,
    ).run({ ...columns, rna_status: completes ? 'pending' : before.rnaStatus, at, id })
    writeSecondaryActivities(db, id, input.secondaryActivities)
    writeNameIndex(db, row.num, input, { previous: before })
    const { consent: _consent, ...fields } = input // kept as the file's consent date
    const changed = changes(before, { ...fields, ...(completes ? { rnaStatus: 'pending' } : {}) })
    recordChange(
      db,
      actor,
      at,
      {
        action: completes ? 'artisan.complete' : 'artisan.update',
        entityType: 'artisan',
        entityId: id,
        before: changed.before,
        after: changed.after,
      },
      {
        op: 'update',
        // `_before` stays on the desk: it lets sync tell a real conflict from a change the
        // registry made to other fields meanwhile (sync/auto-merge.ts).
        payload: { id, ...changed.after, _before: changed.before },
        baseRevision: row.serverRevision,
      },
    )
    holdEdit(db, actor, at, id, changed) // identity changes wait for approval (docs/approvals.md)
    return { id, version: row.version + 1 }
  })()
}

/** The fields whose value differs, before and after (evidence and lists compared whole). */
function changes(before: object, after: object) {
  const was = before as Record<string, unknown>
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> }
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(was[key] ?? null) === JSON.stringify(value ?? null)) continue
    out.before[key] = was[key] ?? null
    out.after[key] = value ?? null
  }
  return out
}
