import type { Actor } from '@shared/api/roles'
import type { ArtisanRegistration } from '@shared/artisans/registration'
import { appError, type FieldError } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import { holdRegistration } from '../approvals/hold'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { recordChange } from '../database/record-change'
import { unknownActivities } from '../reference/activities'
import { territoryError } from '../reference/territories'
import { writeNameIndex } from './name-index'
import { appendEvent } from './events'

/**
 * Registers a complete artisan file at the counter: checks the codes against the
 * reference data and the CIN against the register, then writes the row, its secondary
 * activities, the name index, the first path event, the audit row and the outbox row —
 * all in one transaction. The file waits for RNA submission (`pending`).
 */
export function checkReferences(db: Db, input: ArtisanRegistration): void {
  const fields: FieldError[] = []
  const territory = territoryError(db, input)
  if (territory) fields.push({ path: territory, key: 'validation.territory' })
  if (unknownActivities(db, [input.mainActivity]).length)
    fields.push({ path: 'mainActivity', key: 'validation.activity' })
  if (unknownActivities(db, input.secondaryActivities).length) {
    fields.push({ path: 'secondaryActivities', key: 'validation.activity' })
  }
  if (fields.length) throw appError('validation', 'errors.validation', undefined, fields)
}

export function refuseTakenCin(db: Db, cin: string, exceptId?: string): void {
  const existing = db
    .prepare('SELECT id FROM artisan WHERE cin = ? AND deleted_at IS NULL AND id != ?')
    .pluck()
    .get(cin, exceptId ?? '') as string | undefined
  if (existing) {
    throw appError('conflict', 'errors.cin_taken', { id: existing, cin }, [
      { path: 'cin', key: 'validation.cin_taken', params: { id: existing } },
    ])
  }
}

/** Row values of the file's own columns, from a validated registration. */
export function fileColumns(input: ArtisanRegistration, at: string) {
  return {
    cin: input.cin,
    first_name_ar: input.firstNameAr,
    last_name_ar: input.lastNameAr,
    first_name_lat: input.firstNameLat,
    last_name_lat: input.lastNameLat,
    sex: input.sex,
    birth_date: input.birthDate,
    birth_place: input.birthPlace,
    phone: input.phone,
    phone2: input.phone2,
    region_code: input.regionCode,
    province_code: input.provinceCode,
    commune_code: input.communeCode,
    address: input.address,
    actor_type: input.actorType,
    organisation_name: input.organisationName,
    organisation_legal_id: input.organisationLegalId,
    main_activity: input.mainActivity,
    practice: input.practice,
    workplace_address: input.workplaceAddress,
    qualification: input.qualification,
    practice_years: input.practiceYears,
    qualification_detail: input.qualificationDetail,
    evidence_json: JSON.stringify(input.evidence),
    consent_at: at,
    notes: input.notes,
  }
}

export function writeSecondaryActivities(db: Db, id: string, codes: string[]): void {
  sql(db, 'DELETE FROM artisan_activity WHERE artisan_id = ?').run(id)
  const insert = sql(db, 'INSERT INTO artisan_activity (artisan_id, activity_code) VALUES (?, ?)')
  for (const code of codes) insert.run(id, code)
}

export function registerArtisan(db: Db, actor: Actor, input: ArtisanRegistration): { id: string } {
  checkReferences(db, input)
  const id = uuidv7()
  const at = nowIso()
  db.transaction(() => {
    refuseTakenCin(db, input.cin)
    const columns = {
      ...fileColumns(input, at),
      id,
      rna_status: 'pending',
      created_at: at,
      created_by: actor.id,
      updated_at: at,
    }
    const names = Object.keys(columns)
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO artisan (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`,
      )
      .run(columns)
    writeSecondaryActivities(db, id, input.secondaryActivities)
    writeNameIndex(db, Number(lastInsertRowid), input)
    appendEvent(
      db,
      actor,
      { artisanId: id, step: 'identified', happenedOn: at.slice(0, 10), detail: {} },
      at,
    )
    const after = { ...input, id, rnaStatus: 'pending' }
    recordChange(
      db,
      actor,
      at,
      { action: 'artisan.register', entityType: 'artisan', entityId: id, before: null, after },
      { op: 'create', payload: after, baseRevision: null },
    )
    holdRegistration(db, actor, at, id, after) // a clerk's registration waits for approval
  })()
  return { id }
}
