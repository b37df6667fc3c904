import type { ArtisanFile } from '@shared/artisans/records'
import { STEPS_HELD_WHILE_WAITING } from '@shared/approvals/approval'
import type { PathAction } from '@shared/artisans/path-action'

/**
 * The path drawn on the file (identified → RNA → CNSS → AMO → bank) and the steps a
 * clerk may record next from the file's current state — the same rules the service
 * enforces, so the buttons offered are the ones that will be accepted.
 */
export type Milestone = 'identified' | 'rna' | 'cnss' | 'amo' | 'bank'
export const MILESTONES: Milestone[] = ['identified', 'rna', 'cnss', 'amo', 'bank']

export function milestoneDates(file: ArtisanFile): Record<Milestone, string | null> {
  const firstOf = (...steps: string[]) =>
    file.events.find((e) => steps.includes(e.step))?.happenedOn ?? null
  return {
    identified: firstOf('identified') ?? file.createdAt.slice(0, 10),
    rna: file.rnaStatus === 'registered' ? file.rnaRegisteredAt : null,
    cnss:
      file.coverStatus !== 'none'
        ? (firstOf('cnss_pre_registered', 'other_cover') ?? file.coverAt)
        : null,
    amo:
      file.coverStatus === 'amo_covered' || file.coverStatus === 'other_cover'
        ? file.coverAt
        : null,
    bank: file.bankStatus === 'opened' ? file.bankAt : null,
  }
}

export function availableSteps(file: ArtisanFile): PathAction['step'][] {
  const steps: PathAction['step'][] = []
  if (file.rnaStatus === 'pending' || file.rnaStatus === 'rejected') steps.push('rna_submitted')
  if (file.rnaStatus !== 'registered') steps.push('rna_registered')
  if (file.rnaStatus === 'submitted') steps.push('rna_rejected')
  if (file.coverStatus === 'none') steps.push('cnss_pre_registered', 'other_cover')
  if (file.coverStatus === 'cnss_pre_registered') steps.push('amo_covered')
  if (file.bankStatus === 'none') steps.push('bank_referred')
  if (file.bankStatus !== 'opened') steps.push('bank_opened')
  return steps
}

/** Steps that wait while the file waits for a supervisor's approval (shared/approvals). */
const HELD_WHILE_WAITING: readonly PathAction['step'][] = STEPS_HELD_WHILE_WAITING
export function heldSteps(steps: PathAction['step'][]): PathAction['step'][] {
  return steps.filter((s) => HELD_WHILE_WAITING.includes(s))
}
