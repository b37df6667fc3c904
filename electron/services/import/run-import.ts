import type { Actor } from '@shared/api/roles'
import {
  IdentificationSchema,
  type Identification,
  type IdentificationField,
} from '@shared/artisans/identification'
import type { FieldError } from '@shared/errors'
import { fieldErrorsFromZod } from '@shared/validation/zod-errors'
import type { Db } from '../database/open'
import { writeIdentified, type IdentifyBatch } from '../artisans/identify'
import { writeWordCounts } from '../artisans/name-index'
import { appendAudit } from '../audit/audit-log'
import { nowIso } from '../clock'
import { getProfile, isSetupDone } from '../settings/desk-profile-service'
import { activityLookup, communeLookup, provinceLookup, type NameLookup } from './reference-names'
import { createMatcher } from './matcher'
import { cleanCell, toIsoDate, toSex } from './values'

/**
 * Imports an identification list: every row cleaned, validated and then either matched
 * to the artisan already in the register (same CIN, or same phone with a similar name) or
 * created as *identified*. Nothing is dropped silently: every row ends as created,
 * matched, rejected (with its errors) or empty. Importing the same file twice creates
 * nothing the second time. A dry run does all of it but writes nothing.
 */
export type RowOutcome = 'created' | 'matched' | 'rejected' | 'empty'

export interface RowResult {
  /** 1-based line number in the file (the header is line 1). */
  line: number
  outcome: RowOutcome
  id?: string
  errors?: FieldError[]
}

export interface ImportSummary {
  created: number
  matched: number
  rejected: number
  empty: number
  cancelled: boolean
  rows: RowResult[]
}

export interface ImportOptions {
  dryRun?: boolean
  source: string
  onProgress?: (done: number, total: number) => void
  shouldStop?: () => boolean
}

const ARABIC = /[\u0600-\u06FF]/

/** A row's cells as the schema's input, with names moved to the script's own columns. */
function rowInput(cells: string[], mapping: Record<number, IdentificationField>) {
  const input: Partial<Record<IdentificationField, string>> = {}
  for (const [index, field] of Object.entries(mapping)) {
    const value = cleanCell(cells[Number(index)] ?? '')
    if (value)
      input[field] =
        field === 'birthDate' ? toIsoDate(value) : field === 'sex' ? toSex(value) : value
  }
  for (const part of ['first', 'last'] as const) {
    const ar = `${part}NameAr` as const
    const lat = `${part}NameLat` as const
    if (input[lat] && ARABIC.test(input[lat] ?? '') && !input[ar])
      [input[ar], input[lat]] = [input[lat], undefined]
    if (input[ar] && !ARABIC.test(input[ar] ?? '') && !input[lat])
      [input[lat], input[ar]] = [input[ar], undefined]
  }
  return input
}

interface Lookups {
  provinces: NameLookup
  communes: NameLookup
  activities: NameLookup
}

/**
 * Names of territories and activities made into codes; a province on the row settles a
 * commune name that several provinces share (an export of Sijill has that column).
 */
function resolveNames(
  input: Partial<Record<IdentificationField, string>>,
  lookups: Lookups,
): FieldError[] {
  const errors: FieldError[] = []
  for (const [field, lookup, key] of [
    ['provinceCode', lookups.provinces, 'validation.territory'],
    ['communeCode', lookups.communes, 'validation.territory'],
    ['mainActivity', lookups.activities, 'validation.activity'],
  ] as const) {
    const value = input[field]
    if (!value) continue
    const found = lookup(value, field === 'communeCode' ? input.provinceCode : undefined)
    if ('code' in found) {
      input[field] = found.code
    } else {
      errors.push({
        path: field,
        key: found.error === 'ambiguous' ? 'validation.ambiguous_name' : key,
        params: { value },
      })
      delete input[field] // reported once, here, not again by the schema
    }
  }
  return errors
}

/** Yields to the event loop between batches, so a host stays responsive (status, cancel). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function importRows(
  db: Db,
  actor: Actor,
  rows: string[][],
  mapping: Record<number, IdentificationField>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    created: 0,
    matched: 0,
    rejected: 0,
    empty: 0,
    cancelled: false,
    rows: [],
  }
  const region = isSetupDone(db) ? getProfile(db).chamber.regionCode : undefined
  const lookups: Lookups = {
    provinces: provinceLookup(db),
    communes: communeLookup(db, region),
    activities: activityLookup(db),
  }
  // 2,000 rows per transaction: each batch rewrites the pages of the register's indexes it
  // touches, so larger batches write far less (≈0.5 s per batch keeps the host responsive).
  const batch = 2000
  const writes: IdentifyBatch = { counts: new Map(), places: new Map() }
  const matcher = createMatcher(db)
  for (let start = 1; start < rows.length; start += batch) {
    if (options.shouldStop?.()) {
      summary.cancelled = true
      break
    }
    const end = Math.min(start + batch, rows.length)
    const valid: { line: number; data: Identification }[] = []
    for (let i = start; i < end; i++) {
      const line = i + 1
      const cells = rows[i] ?? []
      if (cells.every((c) => cleanCell(c) === '')) {
        summary.empty++
        summary.rows.push({ line, outcome: 'empty' })
        continue
      }
      const input = rowInput(cells, mapping)
      const nameErrors = resolveNames(input, lookups)
      const parsed = IdentificationSchema.safeParse(input)
      const errors = [
        ...nameErrors,
        ...(parsed.success ? [] : fieldErrorsFromZod(parsed.error, input)),
      ]
      if (!parsed.success || errors.length > 0) {
        summary.rejected++
        summary.rows.push({ line, outcome: 'rejected', errors })
      } else valid.push({ line, data: parsed.data })
    }
    const created: { line: number; id: string }[] = []
    const work = () => {
      matcher.prefetch(valid.map((v) => v.data))
      for (const { line, data } of valid) {
        const same = matcher.match(data)
        if (same) {
          summary.matched++
          summary.rows.push({ line, outcome: 'matched', ...(options.dryRun ? {} : { id: same }) })
          continue
        }
        const id = options.dryRun
          ? `line:${line}`
          : writeIdentified(db, actor, data, options.source, writes).id
        matcher.created(data, id)
        summary.created++
        summary.rows.push({ line, outcome: 'created', ...(options.dryRun ? {} : { id }) })
        created.push({ line, id })
      }
      if (options.dryRun) return
      if (created.length > 0) auditBatch(db, actor, options.source, created)
      writeWordCounts(db, writes.counts)
    }
    if (options.dryRun) work()
    else db.transaction(work)()
    options.onProgress?.(end - 1, rows.length - 1)
    await breathe()
  }
  summary.rows.sort((a, b) => a.line - b.line)
  return summary
}

/**
 * One audit entry per batch: who imported which file, and the file (id) made from each
 * line. Each file's own content is in its row, its outbox entry and its first path event.
 */
function auditBatch(
  db: Db,
  actor: Actor,
  source: string,
  created: { line: number; id: string }[],
): void {
  appendAudit(
    db,
    actor,
    {
      action: 'artisan.import',
      entityType: 'import',
      entityId: source,
      before: null,
      after: { source, created },
    },
    nowIso(),
  )
}
