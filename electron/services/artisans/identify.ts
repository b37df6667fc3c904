import type { Actor } from '@shared/api/roles'
import type { Identification } from '@shared/artisans/identification'
import { uuidv7 } from '@shared/ids/uuidv7'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { appendAudit } from '../audit/audit-log'
import { enqueue } from '../outbox/outbox'
import { appendEvent } from './events'
import { writeNameIndex, type WordCounts } from './name-index'
import type { NormalizedNames } from './name-words'
import { sql } from '../database/statements'
import { atomically } from '../database/atomic'

/**
 * Creates an *identified* artisan from minimal data (import lists now; walk-ins at
 * sessions later): row, name index, first path event, audit and outbox in one
 * transaction. The territory above the commune is taken from the reference data.
 */
export function identifyArtisan(
  db: Db,
  actor: Actor,
  input: Identification,
  source: string,
): { id: string } {
  return atomically(db, () => {
    const { id, after, at } = writeIdentified(db, actor, input, source)
    appendAudit(
      db,
      actor,
      { action: 'artisan.identify', entityType: 'artisan', entityId: id, before: null, after },
      at,
    )
    return { id }
  })
}

interface Place {
  province: string
  region: string
}

/** What an import keeps from one file to the next of a batch. */
export interface IdentifyBatch {
  /** Name-word count changes, written once per batch (`writeWordCounts`). */
  counts: WordCounts
  /** Commune code → its province and region. */
  places: Map<string, Place | undefined>
}

function placeOf(db: Db, commune: string, batch?: IdentifyBatch): Place | undefined {
  if (batch?.places.has(commune)) return batch.places.get(commune)
  const place = sql(
    db,
    `SELECT c.province_code AS province, p.region_code AS region
       FROM ref_commune c JOIN ref_province p ON p.code = c.province_code WHERE c.code = ?`,
  ).get(commune) as Place | undefined
  batch?.places.set(commune, place)
  return place
}

function provinceOf(db: Db, province: string): Place | undefined {
  const region = sql(db, 'SELECT region_code FROM ref_province WHERE code = ?')
    .pluck()
    .get(province) as string | undefined
  return region ? { province, region } : undefined
}

/**
 * Everything of `identifyArtisan` but the audit entry, for an import that audits a whole
 * batch of files in one entry (which file, which lines, which ids). Call inside a
 * transaction.
 */
export function writeIdentified(
  db: Db,
  actor: Actor,
  input: Identification,
  source: string,
  batch?: IdentifyBatch,
  forms?: NormalizedNames,
) {
  const id = uuidv7()
  const at = nowIso()
  const place = input.communeCode
    ? placeOf(db, input.communeCode, batch)
    : input.provinceCode
      ? provinceOf(db, input.provinceCode)
      : undefined
  const { lastInsertRowid } = sql(
    db,
    `INSERT INTO artisan (id, cin, first_name_ar, last_name_ar, first_name_lat, last_name_lat, sex,
         birth_date, phone, region_code, province_code, commune_code, main_activity, rna_status,
         created_at, created_by, updated_at)
       VALUES (@id, @cin, @firstNameAr, @lastNameAr, @firstNameLat, @lastNameLat, @sex, @birthDate,
         @phone, @region, @province, @communeCode, @mainActivity, 'identified', @at, @by, @at)`,
  ).run({
    ...input,
    id,
    at,
    by: actor.id,
    region: place?.region ?? null,
    province: place?.province ?? null,
  })
  writeNameIndex(
    db,
    Number(lastInsertRowid),
    { ...input, organisationName: '' },
    { ...(batch ? { counts: batch.counts } : {}), ...(forms ? { forms } : {}) },
  )
  appendEvent(
    db,
    actor,
    { artisanId: id, step: 'identified', happenedOn: at.slice(0, 10), detail: { source } },
    at,
  )
  const after = { ...input, id, rnaStatus: 'identified', source }
  enqueue(
    db,
    { entityType: 'artisan', entityId: id, op: 'create', payload: after, baseRevision: null },
    at,
  )
  return { id, after, at }
}
