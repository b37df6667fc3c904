import type { Actor } from '@shared/api/roles'
import { appError } from '@shared/errors'
import type { RegistryArtisan } from '@shared/registry/records'
import { appendAudit } from '../audit/audit-log'
import { writeNameIndex } from '../artisans/name-index'
import type { IndexedNames } from '../artisans/name-words'
import { writeSecondaryActivities } from '../artisans/register'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { enqueue } from '../outbox/outbox'
import { COLUMNS } from './registry-columns'
import { artisanChangeOf } from './outbound'

/**
 * Conflicts (docs/sync.md, rule 5): a change made at this desk on a file the registry had
 * changed meanwhile. Both versions are kept; the registry's applies until a supervisor
 * chooses, field by field, which value stays. The values kept from the desk are written
 * to the file and sent again, on top of the registry's current revision; steps of the
 * path recorded at the desk are sent again too. Nothing of the desk's change is dropped
 * without a person choosing it.
 */
export interface ConflictField {
  field: string
  local: unknown
  registry: unknown
}

export interface Conflict {
  id: string
  artisanId: string
  name: string
  createdAt: string
  fields: ConflictField[]
  steps: string[]
}

interface Row {
  id: string
  entityId: string
  localJson: string
  registryJson: string
  createdAt: string
}

interface LocalOp {
  opId: string
  op: string
  payload: Record<string, unknown>
  createdAt: string
}

function merged(local: LocalOp[]) {
  const fields: Record<string, unknown> = {}
  const steps: NonNullable<ReturnType<typeof artisanChangeOf>>['step'][] = []
  for (const o of local) {
    const change = artisanChangeOf(o.payload, o.createdAt)
    if (!change) continue
    const { step, rnaStatus: _status, ...rest } = change
    Object.assign(fields, rest)
    if (step) steps.push(step)
  }
  return { fields, steps }
}

/** Whether a field's two values need a choice (two recorded consents do not: the first stands). */
function differs(field: string, local: unknown, registry: unknown): boolean {
  if (field === 'consentAt' && local && registry) return false
  return JSON.stringify(local ?? null) !== JSON.stringify(registry ?? null)
}

function readConflict(db: Db, row: Row): Conflict {
  const local = JSON.parse(row.localJson) as LocalOp[]
  const registry = JSON.parse(row.registryJson) as RegistryArtisan
  const { fields, steps } = merged(local)
  const name = [
    registry.firstNameLat,
    registry.lastNameLat,
    registry.firstNameAr,
    registry.lastNameAr,
  ]
    .filter(Boolean)
    .join(' ')
  return {
    id: row.id,
    artisanId: row.entityId,
    name,
    createdAt: row.createdAt,
    fields: Object.entries(fields)
      .filter(([field, value]) => differs(field, value, registry[field as keyof RegistryArtisan]))
      .map(([field, value]) => ({
        field,
        local: value ?? null,
        registry: registry[field as keyof RegistryArtisan] ?? null,
      })),
    steps: steps.map((s) => s?.step ?? '').filter(Boolean),
  }
}

const SELECT = `SELECT id, entity_id AS entityId, local_json AS localJson, registry_json AS registryJson,
  created_at AS createdAt FROM sync_conflict`

export function openConflicts(db: Db): Conflict[] {
  return (sql(db, `${SELECT} WHERE resolved_at IS NULL ORDER BY created_at`).all() as Row[]).map(
    (r) => readConflict(db, r),
  )
}

const COLUMN_OF = Object.fromEntries(
  Object.entries(COLUMNS).map(([column, field]) => [field, column]),
)

export function resolveConflict(
  db: Db,
  actor: Actor,
  id: string,
  keepLocal: string[],
): { id: string; kept: string[] } {
  const at = nowIso()
  return db.transaction(() => {
    const row = sql(db, `${SELECT} WHERE id = ? AND resolved_at IS NULL`).get(id) as Row | undefined
    if (!row) throw appError('not_found', 'errors.conflict_not_found')
    const conflict = readConflict(db, row)
    const kept = conflict.fields.filter((f) => keepLocal.includes(f.field))
    const artisan = sql(
      db,
      `SELECT num, server_revision AS serverRevision, first_name_ar AS firstNameAr, last_name_ar AS lastNameAr,
         first_name_lat AS firstNameLat, last_name_lat AS lastNameLat, organisation_name AS organisationName
       FROM artisan WHERE id = ?`,
    ).get(row.entityId) as
      (IndexedNames & { num: number; serverRevision: string | null }) | undefined
    if (!artisan) throw appError('not_found', 'errors.artisan_not_found')
    const change: Record<string, unknown> = { id: row.entityId }
    for (const f of kept) {
      change[f.field] = f.local
      if (f.field === 'secondaryActivities')
        writeSecondaryActivities(db, row.entityId, f.local as string[])
      else {
        const column = COLUMN_OF[f.field]
        if (column)
          sql(db, `UPDATE artisan SET ${column} = ? WHERE id = ?`).run(
            f.local ?? null,
            row.entityId,
          )
      }
    }
    if (kept.length) {
      sql(db, 'UPDATE artisan SET version = version + 1, updated_at = ? WHERE id = ?').run(
        at,
        row.entityId,
      )
      if (
        kept.some((f) =>
          ['firstNameAr', 'lastNameAr', 'firstNameLat', 'lastNameLat', 'organisationName'].includes(
            f.field,
          ),
        )
      )
        writeNameIndex(
          db,
          artisan.num,
          { ...artisan, ...(change as Partial<IndexedNames>) },
          { previous: artisan },
        )
      enqueue(
        db,
        {
          entityType: 'artisan',
          entityId: row.entityId,
          op: 'update',
          payload: change,
          baseRevision: artisan.serverRevision,
        },
        at,
      )
    }
    const local = JSON.parse(row.localJson) as LocalOp[]
    for (const o of local)
      if (o.payload.step)
        enqueue(
          db,
          {
            entityType: 'artisan',
            entityId: row.entityId,
            op: 'update',
            payload: { step: o.payload.step },
            baseRevision: artisan.serverRevision,
          },
          at,
        )
    const resolution = {
      keptLocal: kept.map((f) => f.field),
      keptRegistry: conflict.fields.filter((f) => !keepLocal.includes(f.field)).map((f) => f.field),
    }
    sql(
      db,
      'UPDATE sync_conflict SET resolved_at = ?, resolved_by = ?, resolution_json = ? WHERE id = ?',
    ).run(at, actor.id, JSON.stringify(resolution), id)
    appendAudit(
      db,
      actor,
      {
        action: 'sync.conflict_resolve',
        entityType: 'artisan',
        entityId: row.entityId,
        before: conflict.fields,
        after: resolution,
      },
      at,
    )
    return { id, kept: resolution.keptLocal }
  })()
}
