import type { ArtisanFile, PathEvent } from '@shared/artisans/records'
import { appError } from '@shared/errors'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { FILE_COLUMNS } from './columns'

/** One artisan's whole file: identity, craft, path state and the history of its steps. */
type FileRow = Omit<ArtisanFile, 'evidence' | 'secondaryActivities' | 'events'> & {
  num: number
  evidenceJson: string
  serverRevision: string | null
}

export function readFileRow(db: Db, id: string): FileRow | undefined {
  return sql(db, `SELECT ${FILE_COLUMNS} FROM artisan WHERE id = ? AND deleted_at IS NULL`).get(
    id,
  ) as FileRow | undefined
}

export function requireFileRow(db: Db, id: string): FileRow {
  const row = readFileRow(db, id)
  if (!row) throw appError('not_found', 'errors.artisan_not_found')
  return row
}

export function getArtisanFile(db: Db, id: string): ArtisanFile {
  const { num: _num, evidenceJson, serverRevision: _rev, ...row } = requireFileRow(db, id)
  const secondaryActivities = sql(
    db,
    'SELECT activity_code FROM artisan_activity WHERE artisan_id = ? ORDER BY activity_code',
  )
    .pluck()
    .all(id) as string[]
  const events = (
    sql(
      db,
      `SELECT id, step, happened_on AS happenedOn, recorded_at AS recordedAt, actor_name AS actorName,
           detail_json AS detailJson
         FROM artisan_event WHERE artisan_id = ? ORDER BY happened_on, recorded_at`,
    ).all(id) as (Omit<PathEvent, 'detail'> & { detailJson: string })[]
  ).map(({ detailJson, ...e }) => ({
    ...e,
    detail: JSON.parse(detailJson) as Record<string, string>,
  }))
  return {
    ...row,
    evidence: JSON.parse(evidenceJson) as Record<string, boolean>,
    secondaryActivities,
    events,
  }
}
