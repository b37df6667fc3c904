import type { AuditRow } from '@shared/api/methods/audit'
import type { DataExportFormat } from '@shared/api/methods/data-protection'
import type { Actor } from '@shared/api/roles'
import { appError } from '@shared/errors'
import { appendAudit } from '../audit/audit-log'
import { iterateAudit, toAuditRow } from '../audit/audit-query'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { chamberOf } from '../documents/issue'
import { deskIdentity } from '../settings/desk-profile-service'
import { renderDataExport } from './data-export-pdf'

/**
 * An artisan's access request under law 09-08: everything this desk holds about them —
 * every column of their file, the path history, the documents issued (with what was
 * printed), the sessions they were invited to or came to, what waits to be sent to the
 * registry and any conflict, duplicate decisions, and the audit rows about them — as JSON
 * (complete, for a program or another authority) or as a bilingual PDF (for the person).
 * The export is recorded in the audit log first, in the same transaction as the reading,
 * so the copy handed over already shows it.
 */
type Names = { ar: string; fr: string } | null
type Row = Record<string, unknown>

export interface ArtisanDataExport {
  format: 'sijill.artisan-data-export'
  version: 1
  law: '09-08'
  generatedAt: string
  generatedBy: { id: string; name: string }
  desk: { id: string; name: string | null }
  chamber: { nameAr: string; nameFr: string; address: string; phone: string }
  /** Every column of the artisan's row (camelCase), evidence parsed. */
  file: Row
  secondaryActivities: string[]
  names: {
    region: Names
    province: Names
    commune: Names
    mainActivity: Names
    secondaryActivities: { code: string; ar: string; fr: string }[]
  }
  path: Row[]
  documents: Row[]
  sessions: { invited: Row[]; attended: Row[] }
  sync: { serverRevision: string | null; outbox: Row[]; conflicts: Row[] }
  duplicateDecisions: Row[]
  audit: AuditRow[]
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())
const camelRow = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]))
/** Columns holding JSON text come out parsed, under their name without `Json`. */
function parsedRow(row: Row): Row {
  return Object.fromEntries(
    Object.entries(camelRow(row)).map(([k, v]) =>
      k.endsWith('Json') && typeof v === 'string' ? [k.slice(0, -4), JSON.parse(v)] : [k, v],
    ),
  )
}

function names(db: Db, table: string, code: unknown): Names {
  if (typeof code !== 'string' || !code) return null
  return (
    (sql(db, `SELECT name_ar AS ar, name_fr AS fr FROM ${table} WHERE code = ?`).get(code) as
      Names | undefined) ?? null
  )
}

function collect(db: Db, actor: Actor, artisanId: string, at: string): ArtisanDataExport {
  const raw = sql(db, 'SELECT * FROM artisan WHERE id = ?').get(artisanId) as Row | undefined
  if (!raw) throw appError('not_found', 'errors.artisan_not_found')
  const { num: _num, ...columns } = raw
  const file = parsedRow(columns)
  const secondary = sql(
    db,
    `SELECT a.activity_code AS code, r.name_ar AS ar, r.name_fr AS fr
       FROM artisan_activity a LEFT JOIN ref_activity r ON r.code = a.activity_code
      WHERE a.artisan_id = ? ORDER BY a.activity_code`,
  ).all(artisanId) as { code: string; ar: string | null; fr: string | null }[]
  const all = (text: string) => (sql(db, text).all(artisanId) as Row[]).map(parsedRow)
  const chamber = chamberOf(db)
  const desk = deskIdentity(db)
  const audit: AuditRow[] = []
  for (const batch of iterateAudit(db, { artisanId })) audit.push(...batch.map(toAuditRow))
  return {
    format: 'sijill.artisan-data-export',
    version: 1,
    law: '09-08',
    generatedAt: at,
    generatedBy: { id: actor.id, name: actor.name },
    desk: { id: desk.deskId, name: desk.deskName ?? null },
    chamber: {
      nameAr: chamber.nameAr,
      nameFr: chamber.nameFr,
      address: chamber.address,
      phone: chamber.phone,
    },
    file,
    secondaryActivities: secondary.map((s) => s.code),
    names: {
      region: names(db, 'ref_region', raw.region_code),
      province: names(db, 'ref_province', raw.province_code),
      commune: names(db, 'ref_commune', raw.commune_code),
      mainActivity: names(db, 'ref_activity', raw.main_activity),
      secondaryActivities: secondary.map((s) => ({ code: s.code, ar: s.ar ?? '', fr: s.fr ?? '' })),
    },
    path: all(
      `SELECT id, step, happened_on, recorded_at, actor_id, actor_name, detail_json
         FROM artisan_event WHERE artisan_id = ? ORDER BY happened_on, recorded_at`,
    ),
    documents: all(
      `SELECT id, number, copy, type, issued_at, issued_by, issued_by_name, cancelled_at,
              cancelled_by, cancel_reason, content_json
         FROM document WHERE artisan_id = ? ORDER BY issued_at, number, copy`,
    ),
    sessions: {
      invited: all(
        `SELECT s.id AS session_id, s.title, s.kind, s.starts_at, s.ends_at, s.venue, s.status,
                i.invited_at
           FROM session_invitee i JOIN session s ON s.id = i.session_id
          WHERE i.artisan_id = ? ORDER BY s.starts_at`,
      ),
      attended: all(
        `SELECT s.id AS session_id, s.title, s.kind, s.starts_at, s.ends_at, s.venue, s.status,
                a.checked_in_at, a.walk_in
           FROM session_attendance a JOIN session s ON s.id = a.session_id
          WHERE a.artisan_id = ? ORDER BY s.starts_at`,
      ).map((r) => ({ ...r, walkIn: r.walkIn === 1 })),
    },
    sync: {
      serverRevision: (raw.server_revision as string | null) ?? null,
      outbox: all(
        `SELECT op_id, op, status, created_at, attempts, next_attempt_at, last_error, acked_at,
                base_revision, payload AS payload_json
           FROM outbox WHERE entity_type = 'artisan' AND entity_id = ? ORDER BY seq`,
      ),
      conflicts: all(
        `SELECT id, created_at, resolved_at, resolved_by, local_json, registry_json, resolution_json
           FROM sync_conflict WHERE entity_type = 'artisan' AND entity_id = ? ORDER BY created_at`,
      ),
    },
    duplicateDecisions: (
      sql(
        db,
        `SELECT CASE WHEN a_id = @id THEN b_id ELSE a_id END AS other_id, decision, actor_id,
                decided_at
           FROM duplicate_decision WHERE a_id = @id OR b_id = @id ORDER BY decided_at`,
      ).all({ id: artisanId }) as Row[]
    ).map(camelRow),
    audit,
  }
}

/** Records the export, then reads everything, in one transaction. */
export function artisanDataExport(
  db: Db,
  actor: Actor,
  artisanId: string,
  format: DataExportFormat,
): ArtisanDataExport {
  const at = nowIso()
  return db.transaction(() => {
    if (!sql(db, 'SELECT 1 FROM artisan WHERE id = ?').get(artisanId))
      throw appError('not_found', 'errors.artisan_not_found')
    appendAudit(
      db,
      actor,
      {
        action: 'artisan.data_export',
        entityType: 'artisan',
        entityId: artisanId,
        before: null,
        after: { format, reason: 'access_request', law: '09-08' },
      },
      at,
    )
    return collect(db, actor, artisanId, at)
  })()
}

/** The API's `artisans.dataExport`: the file to save (JSON) or to preview and print (PDF). */
export async function exportArtisanData(
  db: Db,
  actor: Actor,
  input: { artisanId: string; format: DataExportFormat },
): Promise<{ fileName: string; mime: string; base64: string; warnings: string[] }> {
  const content = artisanDataExport(db, actor, input.artisanId, input.format)
  const who = (content.file.cin as string | null) ?? input.artisanId
  const fileName = `sijill-09-08-${who}-${content.generatedAt.slice(0, 10)}.${input.format}`
  if (input.format === 'json')
    return {
      fileName,
      mime: 'application/json',
      base64: Buffer.from(`${JSON.stringify(content, null, 2)}\n`, 'utf8').toString('base64'),
      warnings: [],
    }
  const { pdf, warnings } = await renderDataExport(content, chamberOf(db))
  return { fileName, mime: 'application/pdf', base64: pdf.toString('base64'), warnings }
}
