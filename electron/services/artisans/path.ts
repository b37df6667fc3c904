import type { Actor } from '@shared/api/roles'
import type { PathAction } from '@shared/artisans/path-action'
import { STEPS_HELD_WHILE_WAITING } from '@shared/approvals/approval'
import { appError } from '@shared/errors'
import { niaChamber } from '@shared/validation/nia'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { recordChange } from '../database/record-change'
import { appendEvent } from './events'
import { requireFileRow } from './read'
import { getProfile } from '../settings/desk-profile-service'
import { openApprovalRow } from '../approvals/rows'

/**
 * Moves an artisan one step along the path. Each step sets the file's path columns,
 * appends to its history, and is audited and queued for the registry in one transaction.
 * Steps that make no sense from the current state are refused with a reason.
 */
type Columns = Record<string, string | null>

function columnsFor(action: PathAction): { columns: Columns; detail: Record<string, string> } {
  const on = action.happenedOn
  switch (action.step) {
    case 'rna_submitted':
      return { columns: { rna_status: 'submitted', rna_submitted_at: on }, detail: {} }
    case 'rna_registered':
      return {
        columns: {
          rna_status: 'registered',
          nia: action.nia,
          rna_registered_at: on,
          rna_rejection_reason: null,
        },
        detail: { nia: action.nia, source: 'manual' },
      }
    case 'rna_rejected':
      return {
        columns: { rna_status: 'rejected', rna_rejection_reason: action.reason },
        detail: { reason: action.reason },
      }
    case 'cnss_pre_registered':
      return {
        columns: {
          cover_status: 'cnss_pre_registered',
          cnss_number: action.cnssNumber || null,
          cover_at: on,
        },
        detail: action.cnssNumber ? { cnssNumber: action.cnssNumber } : {},
      }
    case 'amo_covered':
      return { columns: { cover_status: 'amo_covered', cover_at: on }, detail: {} }
    case 'other_cover':
      return {
        columns: { cover_status: 'other_cover', cover_at: on },
        detail: { scheme: action.scheme },
      }
    case 'bank_referred':
      return {
        columns: { bank_status: 'referred', bank_partner: action.bank, bank_at: on },
        detail: { bank: action.bank },
      }
    case 'bank_opened':
      return {
        columns: { bank_status: 'opened', bank_partner: action.bank, bank_at: on },
        detail: { bank: action.bank },
      }
  }
}

/** The reason a step cannot be taken now, as an i18n key, or null. */
function refusal(
  row: { rnaStatus: string; coverStatus: string; bankStatus: string },
  step: PathAction['step'],
): string | null {
  if (step === 'rna_submitted' && row.rnaStatus !== 'pending' && row.rnaStatus !== 'rejected')
    return 'errors.step_rna_submitted'
  if ((step === 'rna_registered' || step === 'rna_rejected') && row.rnaStatus === 'registered')
    return 'errors.step_already_registered'
  if (step === 'amo_covered' && row.coverStatus !== 'cnss_pre_registered')
    return 'errors.step_amo_needs_cnss'
  if (step === 'bank_referred' && row.bankStatus === 'opened') return 'errors.step_bank_opened'
  return null
}

export function recordPathStep(
  db: Db,
  actor: Actor,
  input: { artisanId: string; expectedVersion: number; action: PathAction },
): { version: number } {
  const at = nowIso()
  return db.transaction(() => {
    const row = requireFileRow(db, input.artisanId)
    if (row.version !== input.expectedVersion) {
      throw appError('conflict', 'errors.stale_file', {
        found: row.version,
        expected: input.expectedVersion,
      })
    }
    const refused = refusal(row, input.action.step)
    if (refused) throw appError('conflict', refused)
    if (
      (STEPS_HELD_WHILE_WAITING as readonly string[]).includes(input.action.step) &&
      openApprovalRow(db, row.id)
    )
      throw appError('conflict', 'errors.step_waits_approval')
    if (input.action.step === 'rna_registered') {
      const chamber = getProfile(db).chamber.regionCode
      if (niaChamber(input.action.nia) !== chamber) {
        throw appError('validation', 'errors.validation', undefined, [
          { path: 'action.nia', key: 'validation.nia_chamber', params: { chamber } },
        ])
      }
      const other = db
        .prepare('SELECT id FROM artisan WHERE nia = ? AND id != ? AND deleted_at IS NULL')
        .pluck()
        .get(input.action.nia, row.id) as string | undefined
      if (other) {
        throw appError('conflict', 'errors.nia_taken', { id: other }, [
          { path: 'action.nia', key: 'validation.nia_taken', params: { id: other } },
        ])
      }
    }
    const { columns, detail } = columnsFor(input.action)
    const sets = Object.keys(columns).map((c) => `${c} = @${c}`)
    db.prepare(
      `UPDATE artisan SET ${sets.join(', ')}, version = version + 1, updated_at = @updated_at WHERE id = @id`,
    ).run({ ...columns, updated_at: at, id: row.id })
    appendEvent(
      db,
      actor,
      { artisanId: row.id, step: input.action.step, happenedOn: input.action.happenedOn, detail },
      at,
    )
    const before = {
      rnaStatus: row.rnaStatus,
      coverStatus: row.coverStatus,
      bankStatus: row.bankStatus,
      nia: row.nia,
    }
    recordChange(
      db,
      actor,
      at,
      {
        action: `artisan.step.${input.action.step}`,
        entityType: 'artisan',
        entityId: row.id,
        before,
        after: input.action,
      },
      { op: 'update', payload: { step: input.action }, baseRevision: row.serverRevision },
    )
    return { version: row.version + 1 }
  })()
}
