import type { HeldReason, PersonSide } from '@shared/api/methods/imports'
import type { Actor } from '@shared/api/roles'
import type { Identification } from '@shared/artisans/identification'
import type { FieldError } from '@shared/errors'
import { writeIdentified, type IdentifyBatch } from '../artisans/identify'
import { writeWordCounts } from '../artisans/name-index'
import type { NormalizedNames } from '../artisans/name-words'
import { appendAudit } from '../audit/audit-log'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import type { Logger } from '../log'
import { getProfile, isSetupDone } from '../settings/desk-profile-service'
import { createMatcher } from './matcher'
import type { Mapping } from './prepare'
import { createPreparer } from './preparer'
import { readReferenceNames } from './reference-names'

/**
 * Imports an identification list: every row cleaned, validated and then either matched
 * to the artisan already in the register (same CIN, or — when a side has no CIN — same
 * phone with a similar name), created as *identified*, or held for a person to decide
 * (another CIN than the file it resembles, a file's CIN with another family name or birth
 * date, or a CIN for a file that has none: see matcher.ts). Nothing is dropped silently: every data row ends as
 * created, matched, rejected (with its errors), empty or held —
 * created + matched + rejected + empty + held = data rows. A matched row changes nothing
 * in the file it matches. Importing the same file twice creates nothing the second time.
 * A dry run does all of it but writes nothing.
 */
export type RowOutcome = 'created' | 'matched' | 'rejected' | 'empty' | 'held'

/** A row held for a person: both sides, and the row's data to register it if so decided. */
export interface HeldDetail {
  reason: HeldReason
  row: PersonSide
  file: PersonSide & { id: string }
  data: Identification
}

export interface RowResult {
  /** 1-based line number in the file (the header is line 1). */
  line: number
  outcome: RowOutcome
  id?: string
  errors?: FieldError[]
  held?: HeldDetail
}

export interface ImportSummary {
  created: number
  matched: number
  rejected: number
  empty: number
  held: number
  cancelled: boolean
  rows: RowResult[]
}

export interface ImportOptions {
  dryRun?: boolean
  source: string
  onProgress?: (done: number, total: number) => void
  shouldStop?: () => boolean
  log?: Logger
}

/** Yields to the event loop between batches, so a host stays responsive (status, cancel). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function importRows(
  db: Db,
  actor: Actor,
  rows: string[][],
  mapping: Mapping,
  options: ImportOptions,
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    created: 0,
    matched: 0,
    rejected: 0,
    empty: 0,
    held: 0,
    cancelled: false,
    rows: [],
  }
  const region = isSetupDone(db) ? getProfile(db).chamber.regionCode : undefined
  const preparer = createPreparer(mapping, readReferenceNames(db, region), options.log)
  // 2,000 rows per transaction: each batch rewrites the pages of the register's indexes it
  // touches, so larger batches write far less (≈0.5 s per batch keeps the host responsive).
  // The next batch is prepared (worker thread) while this one is written.
  const batch = 2000
  const prepare = (start: number) =>
    start < rows.length
      ? preparer.prepare(rows.slice(start, start + batch), start)
      : Promise.resolve(null)
  const writes: IdentifyBatch = { counts: new Map(), places: new Map() }
  const matcher = createMatcher(db)
  try {
    let next = prepare(1)
    for (let start = 1; start < rows.length; start += batch) {
      const prepared = await next
      if (!prepared) break
      if (options.shouldStop?.()) {
        summary.cancelled = true
        break
      }
      next = prepare(start + batch)
      const valid: { line: number; data: Identification; forms: NormalizedNames }[] = []
      for (const p of prepared) {
        if (p.kind === 'empty') summary.empty++
        else if (p.kind === 'rejected') summary.rejected++
        else {
          valid.push(p)
          continue
        }
        summary.rows.push(
          p.kind === 'empty'
            ? { line: p.line, outcome: 'empty' }
            : { line: p.line, outcome: 'rejected', errors: p.errors },
        )
      }
      const created: { line: number; id: string }[] = []
      const held: { line: number; reason: HeldReason; file: string }[] = []
      const work = () => {
        matcher.prefetch(valid.map((v) => v.data))
        for (const { line, data, forms } of valid) {
          const found = matcher.match(data)
          if (found?.kind === 'same') {
            summary.matched++
            summary.rows.push({
              line,
              outcome: 'matched',
              ...(options.dryRun ? {} : { id: found.id }),
            })
            continue
          }
          if (found?.kind === 'held') {
            summary.held++
            summary.rows.push({
              line,
              outcome: 'held',
              held: { reason: found.reason, row: sideOf(data), file: found.file, data },
            })
            held.push({ line, reason: found.reason, file: found.file.id })
            continue
          }
          const id = options.dryRun
            ? `line:${line}`
            : writeIdentified(db, actor, data, options.source, writes, forms).id
          matcher.created(data, id)
          summary.created++
          summary.rows.push({ line, outcome: 'created', ...(options.dryRun ? {} : { id }) })
          created.push({ line, id })
        }
        if (options.dryRun) return
        if (created.length > 0 || held.length > 0)
          auditBatch(db, actor, options.source, created, held)
        writeWordCounts(db, writes.counts)
      }
      if (options.dryRun) work()
      else db.transaction(work)()
      options.onProgress?.(Math.min(start + batch, rows.length) - 1, rows.length - 1)
      await breathe() // a prepared batch resolves at once: let status and cancel calls in
    }
  } finally {
    preparer.close()
  }
  summary.rows.sort((a, b) => a.line - b.line)
  return summary
}

const sideOf = (d: Identification): PersonSide => ({
  cin: d.cin,
  firstNameAr: d.firstNameAr,
  lastNameAr: d.lastNameAr,
  firstNameLat: d.firstNameLat,
  lastNameLat: d.lastNameLat,
  phone: d.phone,
  birthDate: d.birthDate,
})

/** Data rows of a list (the header, row 1, is not one). */
export const dataRowCount = (rows: readonly unknown[]): number => Math.max(0, rows.length - 1)

/**
 * One audit entry per batch: who imported which file, the file (id) made from each line,
 * and the lines held for a person with the file each resembles. Each file's own content is in its row, its outbox entry and its first path event.
 */
function auditBatch(
  db: Db,
  actor: Actor,
  source: string,
  created: { line: number; id: string }[],
  held: { line: number; reason: HeldReason; file: string }[],
): void {
  appendAudit(
    db,
    actor,
    {
      action: 'artisan.import',
      entityType: 'import',
      entityId: source,
      before: null,
      after: { source, created, ...(held.length > 0 ? { held } : {}) },
    },
    nowIso(),
  )
}
