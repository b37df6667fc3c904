import type { PathStep } from '@shared/artisans/enums'
import type { RegistryArtisan } from '@shared/registry/records'
import { appendAudit } from '../audit/audit-log'
import { appendEvent } from '../artisans/events'
import { writeNameIndex, type WordCounts } from '../artisans/name-index'
import type { IndexedNames } from '../artisans/name-words'
import { writeSecondaryActivities } from '../artisans/register'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { COLUMNS, REGISTRY_ACTOR } from './registry-columns'
import { foldTwin, setTwinAside } from './twins'

/**
 * The registry's state of an artisan written into the desk's register: a file made at
 * another desk of the chamber arrives whole; a known file takes the registry's values
 * (NIA, decisions, CNSS/AMO status, and any change made elsewhere) — the registry's
 * version applies, and a local edit it overrides is kept in a conflict, never lost
 * (push.ts). The name indexes follow; the decisions become events of the file's history;
 * everything is audited as done by the registry. The same revision twice changes nothing.
 */
const NAMES = Object.keys(COLUMNS)

interface LocalRow extends IndexedNames {
  num: number
  serverRevision: string | null
  deletedAt: string | null
  [column: string]: unknown
}

function localRow(db: Db, id: string): LocalRow | undefined {
  return sql(
    db,
    `SELECT num, server_revision AS serverRevision, deleted_at AS deletedAt,
       first_name_ar AS firstNameAr, last_name_ar AS lastNameAr, first_name_lat AS firstNameLat,
       last_name_lat AS lastNameLat, organisation_name AS organisationName, ${NAMES.join(', ')}
     FROM artisan WHERE id = ?`,
  ).get(id) as LocalRow | undefined
}

/** The events a decision of the registry adds to the file's history. */
function decisionSteps(before: LocalRow | undefined, r: RegistryArtisan): [PathStep, string][] {
  const steps: [PathStep, string][] = []
  const day = (d: string | null) => (d ?? r.updatedAt).slice(0, 10)
  if (r.rnaStatus !== before?.rna_status) {
    if (r.rnaStatus === 'registered') steps.push(['rna_registered', day(r.rnaRegisteredAt)])
    if (r.rnaStatus === 'rejected') steps.push(['rna_rejected', day(r.updatedAt)])
  }
  if (r.coverStatus !== before?.cover_status && r.coverStatus !== 'none')
    steps.push([r.coverStatus, day(r.coverAt)])
  return steps
}

export type Applied = 'created' | 'updated' | 'deleted' | 'unchanged'

/**
 * What a page of changes gathers instead of writing it record by record: the word count
 * changes of the name index, and the audit lines (one audit entry for the page).
 */
export interface PageBatch {
  counts: WordCounts
  audit: { id: string; action: string; revision: string; changed: string[] }[]
}

export function applyRegistryArtisan(
  db: Db,
  id: string,
  revision: string,
  record: RegistryArtisan | null,
  at: string,
  batch?: PageBatch,
): Applied {
  const before = localRow(db, id)
  if (before && before.serverRevision === revision) return 'unchanged'
  if (!record) {
    if (!before || before.deletedAt) return 'unchanged'
    sql(
      db,
      'UPDATE artisan SET deleted_at = ?, server_revision = ?, updated_at = ? WHERE id = ?',
    ).run(at, revision, at, id)
    if (batch) batch.audit.push({ id, action: 'delete', revision, changed: [] })
    else audit(db, id, 'artisan.registry_delete', null, { revision }, at)
    return 'deleted'
  }
  const values: Record<string, unknown> = {}
  for (const [column, field] of Object.entries(COLUMNS)) values[column] = record[field] ?? null
  for (const text of [
    'birth_place',
    'address',
    'organisation_name',
    'organisation_legal_id',
    'workplace_address',
    'qualification_detail',
  ])
    values[text] ??= ''
  const names: IndexedNames = {
    firstNameAr: record.firstNameAr,
    lastNameAr: record.lastNameAr,
    firstNameLat: record.firstNameLat,
    lastNameLat: record.lastNameLat,
    organisationName: record.organisationName,
  }
  let num: number
  if (before) {
    sql(
      db,
      `UPDATE artisan SET ${NAMES.map((n) => `${n} = @${n}`).join(', ')},
         server_revision = @revision, updated_at = @at, version = version + 1, deleted_at = NULL
       WHERE id = @id`,
    ).run({ ...values, revision, at, id })
    num = before.num
    writeNameIndex(db, num, names, { previous: before, ...(batch ? { counts: batch.counts } : {}) })
  } else {
    const twin = setTwinAside(db, record, at)
    const { lastInsertRowid } = sql(
      db,
      `INSERT INTO artisan (id, ${NAMES.join(', ')}, server_revision, created_at, created_by, updated_at)
       VALUES (@id, ${NAMES.map((n) => `@${n}`).join(', ')}, @revision, @at, @by, @at)`,
    ).run({ ...values, id, revision, at, by: REGISTRY_ACTOR.id })
    num = Number(lastInsertRowid)
    writeNameIndex(db, num, names, batch ? { counts: batch.counts } : {})
    appendEvent(
      db,
      REGISTRY_ACTOR,
      {
        artisanId: id,
        step: 'identified',
        happenedOn: at.slice(0, 10),
        detail: { source: 'registry' },
      },
      at,
    )
    if (twin) foldTwin(db, twin, record, at)
  }
  writeSecondaryActivities(db, id, record.secondaryActivities)
  for (const [step, happenedOn] of decisionSteps(before, record))
    appendEvent(
      db,
      REGISTRY_ACTOR,
      { artisanId: id, step, happenedOn, detail: { source: 'registry' } },
      at,
    )
  const changed = Object.fromEntries(
    Object.entries(values).filter(([column, value]) => !before || before[column] !== value),
  )
  if (batch)
    batch.audit.push({
      id,
      action: before ? 'update' : 'create',
      revision,
      changed: Object.keys(changed),
    })
  else
    audit(
      db,
      id,
      before ? 'artisan.registry_update' : 'artisan.registry_create',
      null,
      { revision, ...changed },
      at,
    )
  return before ? 'updated' : 'created'
}

function audit(db: Db, id: string, action: string, before: unknown, after: unknown, at: string) {
  appendAudit(
    db,
    REGISTRY_ACTOR,
    { action, entityType: 'artisan', entityId: id, before, after },
    at,
  )
}
