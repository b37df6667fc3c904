import {
  PullResponseSchema,
  type PullResponse,
  type PulledChange,
} from '../../shared/registry/contract'
import type { CertificateNotice } from '../../shared/registry/records'
import { readArtisan } from './artisans'
import type { Device, RegistryContext } from './context'
import { invalid } from './errors'

/**
 * `GET /v1/changes`: the chamber's feed after a cursor, each entity as it is NOW. An entity
 * changed several times shows once, at its latest feed row (as CouchDB's changes feed
 * does), so a page never carries stale states and a desk far behind catches up in fewer
 * rows. The cursor is the last seq seen, base64url-encoded: opaque to desks.
 */
export function encodeCursor(seq: number): string {
  return Buffer.from(String(seq), 'utf8').toString('base64url')
}

/** The seq a cursor stands for; '' or absent = the start; anything else malformed = 400. */
export function decodeCursor(cursor: string | null): number {
  if (cursor === null || cursor === '') return 0
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid('Curseur invalide.')
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!/^\d{1,15}$/.test(text) || encodeCursor(Number(text)) !== cursor)
    throw invalid('Curseur invalide.')
  return Number(text)
}

function pageSize(ctx: RegistryContext, raw: string | null): number {
  if (raw === null || raw === '') return ctx.settings.maxPullPage
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw invalid('limit : un entier ≥ 1.')
  return Math.min(Number(raw), ctx.settings.maxPullPage)
}

interface FeedRow {
  seq: number
  entity_type: 'artisan' | 'certificate'
  entity_id: string
  origin: string | null
}

function currentState(ctx: RegistryContext, row: FeedRow): PulledChange | null {
  if (row.entity_type === 'artisan') {
    const artisan = readArtisan(ctx.db, row.entity_id)
    if (!artisan) return null
    return {
      entityType: 'artisan',
      id: artisan.id,
      revision: artisan.revision,
      deleted: artisan.deleted,
      record: artisan.deleted ? null : artisan.state,
      origin: row.origin,
    }
  }
  const certificate = ctx.db
    .prepare('SELECT notice, revision FROM certificates WHERE number = ?')
    .get(row.entity_id) as { notice: string; revision: string } | undefined
  if (!certificate) return null
  return {
    entityType: 'certificate',
    id: row.entity_id,
    revision: certificate.revision,
    deleted: false,
    notice: JSON.parse(certificate.notice) as CertificateNotice,
    origin: row.origin,
  }
}

export function pull(ctx: RegistryContext, device: Device, query: URLSearchParams): PullResponse {
  const after = decodeCursor(query.get('cursor'))
  const limit = pageSize(ctx, query.get('limit'))
  return ctx.db.transaction(() => {
    const rows = ctx.db
      .prepare(
        `SELECT f.seq, f.entity_type, f.entity_id, f.origin FROM feed f
         WHERE f.chamber_code = ? AND f.seq > ?
           AND NOT EXISTS (SELECT 1 FROM feed g WHERE g.entity_type = f.entity_type
                           AND g.entity_id = f.entity_id AND g.seq > f.seq)
         ORDER BY f.seq LIMIT ?`,
      )
      .all(device.chamberCode, after, limit + 1) as FeedRow[]
    const page = rows.slice(0, limit)
    if (ctx.faults.duplicateDeliveries && after > 0) {
      const previous = ctx.db
        .prepare(
          `SELECT seq, entity_type, entity_id, origin FROM feed
           WHERE seq = ? AND chamber_code = ?`,
        )
        .get(after, device.chamberCode) as FeedRow | undefined
      if (previous) page.unshift(previous)
    }
    const last = rows.length > 0 ? rows[Math.min(limit, rows.length) - 1] : undefined
    return PullResponseSchema.parse({
      changes: page.map((row) => currentState(ctx, row)).filter((c) => c !== null),
      cursor: encodeCursor(last?.seq ?? after),
      hasMore: rows.length > limit,
    })
  })()
}
