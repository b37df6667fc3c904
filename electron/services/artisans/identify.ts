import type { Actor } from '@shared/api/roles'
import type { Identification } from '@shared/artisans/identification'
import { uuidv7 } from '@shared/ids/uuidv7'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { recordChange } from '../database/record-change'
import { appendEvent } from './events'
import { writeNameIndex } from './name-index'
import { sql } from '../database/statements'

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
  const id = uuidv7()
  const at = nowIso()
  const place = input.communeCode
    ? (sql(
        db,
        `SELECT c.province_code AS province, p.region_code AS region
           FROM ref_commune c JOIN ref_province p ON p.code = c.province_code WHERE c.code = ?`,
      ).get(input.communeCode) as { province: string; region: string } | undefined)
    : undefined
  db.transaction(() => {
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
    writeNameIndex(db, Number(lastInsertRowid), { ...input, organisationName: '' })
    appendEvent(
      db,
      actor,
      { artisanId: id, step: 'identified', happenedOn: at.slice(0, 10), detail: { source } },
      at,
    )
    const after = { ...input, id, rnaStatus: 'identified', source }
    recordChange(
      db,
      actor,
      at,
      { action: 'artisan.identify', entityType: 'artisan', entityId: id, before: null, after },
      { op: 'create', payload: after, baseRevision: null },
    )
  })()
  return { id }
}
