import type { RegistryArtisan } from '../../shared/registry/records'
import { IN_REVIEW } from './artisan-state'
import { commitArtisan, niaTaken, readArtisan } from './artisans'
import type { RegistryContext } from './context'
import { today } from './dates'
import type { Db } from './database'
import type { RejectRule } from './options'

/**
 * The registry's decisions. A file that asks for registration (pending) or was submitted
 * waits `reviewDelayMs`, then is registered with a new NIA — or rejected, with a reason a
 * clerk can read, when a demonstration rule matches it. Decisions are changes of their
 * own: a new revision, a feed row with no origin device.
 */
export function rejectionReason(
  rules: readonly RejectRule[],
  state: RegistryArtisan,
): string | null {
  for (const rule of rules) {
    if (
      rule.kind === 'cin-prefix' &&
      (state.cin ?? '').toUpperCase().startsWith(rule.value.toUpperCase())
    )
      return `CIN refusée par la règle de démonstration (CIN commençant par ${rule.value.toUpperCase()}).`
    if (
      rule.kind === 'birth-before' &&
      state.birthDate &&
      state.birthDate.slice(0, 10) < rule.value
    )
      return `Date de naissance refusée par la règle de démonstration (née avant le ${rule.value}).`
  }
  return null
}

/** The next NIA of a chamber: its code then 8 digits; skips one a desk typed by hand. */
function nextNia(db: Db, chamberCode: string): string {
  for (;;) {
    const last = db
      .prepare(
        `INSERT INTO nia_sequences (chamber_code, last) VALUES (?, 1)
         ON CONFLICT (chamber_code) DO UPDATE SET last = last + 1 RETURNING last`,
      )
      .pluck()
      .get(chamberCode) as number
    const nia = `${chamberCode}${String(last).padStart(8, '0')}`
    if (!niaTaken(db, nia, '')) return nia
  }
}

function decide(ctx: RegistryContext, id: string): boolean {
  const row = readArtisan(ctx.db, id)
  if (!row || row.deleted || !IN_REVIEW.has(row.state.rnaStatus)) return false
  const reason = rejectionReason(ctx.settings.rejectRules, row.state)
  const state: RegistryArtisan = reason
    ? { ...row.state, rnaStatus: 'rejected', rnaRejectionReason: reason }
    : {
        ...row.state,
        rnaStatus: 'registered',
        nia: nextNia(ctx.db, row.chamberCode),
        rnaRegisteredAt: today(),
        rnaRejectionReason: null,
      }
  commitArtisan(ctx, { before: row, state, deleted: false, origin: null })
  return true
}

/** Decides every file due by `dueBy` (every waiting file with `Infinity`); how many. */
export function decideDue(ctx: RegistryContext, dueBy: number): number {
  const ids = ctx.db
    .prepare(
      `SELECT id FROM artisans WHERE review_due_at IS NOT NULL AND review_due_at <= ?
       ORDER BY review_due_at, id`,
    )
    .pluck()
    .all(Number.isFinite(dueBy) ? dueBy : Number.MAX_SAFE_INTEGER) as string[]
  let decided = 0
  for (const id of ids) if (ctx.db.transaction(() => decide(ctx, id))()) decided++
  return decided
}
