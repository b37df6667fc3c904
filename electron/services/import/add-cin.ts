import type { Actor } from '@shared/api/roles'
import { appError } from '@shared/errors'
import { parseCin } from '@shared/validation/cin'
import { holdEdit } from '../approvals/hold'
import { openApprovalRow } from '../approvals/rows'
import { refuseTakenCin } from '../artisans/register'
import { requireFileRow } from '../artisans/read'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { recordChange } from '../database/record-change'

/**
 * A person's decision on an import row held as `file_without_cin`: the row's CIN is written
 * into the file it matches, which had none. A correction of that file as a clerk's edit
 * makes it (artisans/update.ts), in one transaction: the CIN checked valid and free, the
 * file still without a CIN (else someone corrected it meanwhile: refused), the row
 * (version + 1), the audit entry and the registry update carrying only the CIN (with its
 * `_before`), and the approval rules of an identity change (approvals/hold.ts: a clerk's
 * change waits for a supervisor). The file keeps its state (an identified file stays
 * identified: it is completed at the counter).
 */
export function addCinToFile(
  db: Db,
  actor: Actor,
  fileId: string,
  rawCin: string,
  source: string,
): { version: number; awaitsApproval: boolean } {
  const cin = parseCin(rawCin)
  if (!cin)
    throw appError('validation', 'errors.validation', undefined, [
      { path: 'cin', key: 'validation.cin' },
    ])
  const at = nowIso()
  return db.transaction(() => {
    const row = requireFileRow(db, fileId)
    if (row.cin) throw appError('conflict', 'errors.import_held_file_has_cin', { cin: row.cin })
    refuseTakenCin(db, cin, fileId)
    db.prepare(
      'UPDATE artisan SET cin = ?, version = version + 1, updated_at = ? WHERE id = ? AND cin IS NULL',
    ).run(cin, at, fileId)
    const changed = { before: { cin: null }, after: { cin } }
    recordChange(
      db,
      actor,
      at,
      {
        action: 'artisan.update',
        entityType: 'artisan',
        entityId: fileId,
        before: changed.before,
        after: { ...changed.after, source },
      },
      {
        op: 'update',
        payload: { id: fileId, ...changed.after, _before: changed.before },
        baseRevision: row.serverRevision,
      },
    )
    holdEdit(db, actor, at, fileId, changed) // a clerk's CIN change waits for approval
    return { version: row.version + 1, awaitsApproval: openApprovalRow(db, fileId) !== undefined }
  })()
}
