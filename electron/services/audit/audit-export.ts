import type { AuditFilter } from '@shared/api/methods/audit'
import { SCREEN_AUDIT_EXPORT_MAX } from '@shared/api/methods/audit'
import type { Actor } from '@shared/api/roles'
import { appError } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { CSV_BOM, csvLine } from '../spreadsheet/csv-write'
import { appendAudit } from './audit-log'
import { iterateAudit, toAuditRow, type RawAuditRow } from './audit-query'

/**
 * A copy of the audit log (a filtered selection, oldest first) as CSV for a spreadsheet or
 * JSON for a program, written as it is read, a thousand rows at a time, so the CLI can copy
 * millions of rows in bounded memory. Each row keeps its `prev_hash` and `hash`: a full copy
 * can be checked again elsewhere. Copying the log is itself recorded (`audit.export`).
 */
export type AuditExportFormat = 'csv' | 'json'

const CSV_COLUMNS = [
  'seq',
  'id',
  'at',
  'actor_id',
  'actor_name',
  'action',
  'entity_type',
  'entity_id',
  'changed',
  'before_json',
  'after_json',
  'prev_hash',
  'hash',
] as const

function csvRow(r: RawAuditRow): string {
  const changed = toAuditRow(r).changed.join(' ')
  return csvLine([
    r.seq,
    r.id,
    r.at,
    r.actor_id,
    r.actor_name,
    r.action,
    r.entity_type,
    r.entity_id,
    changed,
    r.before_json,
    r.after_json,
    r.prev_hash,
    r.hash,
  ])
}

function jsonRow(r: RawAuditRow): string {
  return JSON.stringify({ ...toAuditRow(r), prevHash: r.prev_hash, hash: r.hash })
}

export interface AuditExportOptions {
  format: AuditExportFormat
  filter: AuditFilter
  write: (chunk: string) => void
  /** Stops before writing more than this (the screen's limit); the CLI has none. */
  max?: number
  onProgress?: (rows: number) => void
  shouldStop?: () => boolean
}

/** Writes the selection; returns how many rows, and whether it was stopped. */
export function writeAuditExport(
  db: Db,
  o: AuditExportOptions,
): { rows: number; cancelled: boolean } {
  let rows = 0
  const json = o.format === 'json'
  o.write(
    json ? '{"format":"sijill.audit-log","version":1,"rows":[\n' : CSV_BOM + csvLine(CSV_COLUMNS),
  )
  for (const batch of iterateAudit(db, o.filter)) {
    if (o.shouldStop?.()) return { rows, cancelled: true }
    if (o.max !== undefined && rows + batch.length > o.max)
      throw appError('validation', 'errors.audit_export_too_big', { max: o.max })
    const text = batch
      .map((r, i) => (json ? (rows + i > 0 ? ',\n' : '') + jsonRow(r) : csvRow(r)))
      .join('')
    o.write(text)
    rows += batch.length
    o.onProgress?.(rows)
  }
  if (json) o.write('\n]}\n')
  return { rows, cancelled: false }
}

/** Records who copied which selection of the log, and how many rows. */
export function auditTheExport(
  db: Db,
  actor: Actor,
  input: { format: AuditExportFormat; filter: AuditFilter; rows: number; via: 'screen' | 'cli' },
): void {
  db.transaction(() =>
    appendAudit(
      db,
      actor,
      {
        action: 'audit.export',
        entityType: 'audit_log',
        entityId: uuidv7(),
        before: null,
        after: input,
      },
      nowIso(),
    ),
  )()
}

/** The screen's export: the file's bytes at once (refused above the screen's limit). */
export function exportAuditFile(
  db: Db,
  actor: Actor,
  input: { format: AuditExportFormat; filter: AuditFilter },
): { fileName: string; mime: string; base64: string; rows: number } {
  const chunks: string[] = []
  const { rows } = writeAuditExport(db, {
    ...input,
    write: (c) => chunks.push(c),
    max: SCREEN_AUDIT_EXPORT_MAX,
  })
  auditTheExport(db, actor, { ...input, rows, via: 'screen' })
  const day = nowIso().slice(0, 10)
  return {
    fileName: `sijill-audit-${day}.${input.format}`,
    mime: input.format === 'csv' ? 'text/csv' : 'application/json',
    base64: Buffer.from(chunks.join(''), 'utf8').toString('base64'),
    rows,
  }
}
