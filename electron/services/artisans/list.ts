import type { ListFilter, ListPage } from '@shared/artisans/list'
import type { ArtisanSummary } from '@shared/artisans/records'
import type { Db } from '../database/open'
import { SUMMARY_COLUMNS } from './columns'

/**
 * Filtered pages of the register, newest first, by keyset on `num` (each filter column's
 * index ends with the row key, so a page is an index range, whatever the register's size).
 */
const COLUMN: Record<Exclude<keyof ListFilter, 'createdFrom' | 'createdTo'>, string> = {
  regionCode: 'region_code',
  provinceCode: 'province_code',
  communeCode: 'commune_code',
  activity: 'main_activity',
  actorType: 'actor_type',
  rnaStatus: 'rna_status',
  coverStatus: 'cover_status',
  bankStatus: 'bank_status',
}

export function filterSql(filter: ListFilter): { where: string; params: (string | number)[] } {
  const clauses = ['deleted_at IS NULL']
  const params: (string | number)[] = []
  for (const [key, column] of Object.entries(COLUMN) as [keyof typeof COLUMN, string][]) {
    const value = filter[key]
    if (value !== undefined) {
      clauses.push(`${column} = ?`)
      params.push(value)
    }
  }
  if (filter.createdFrom) {
    clauses.push('created_at >= ?')
    params.push(filter.createdFrom)
  }
  if (filter.createdTo) {
    clauses.push('created_at < ?')
    params.push(`${filter.createdTo}T99`)
  }
  return { where: clauses.join(' AND '), params }
}

export function listArtisans(
  db: Db,
  req: { filter: ListFilter; after?: number | undefined; limit: number },
): ListPage {
  const { where, params } = filterSql(req.filter)
  const keyset = req.after ? ' AND num < ?' : ''
  const rows = db
    .prepare(
      `SELECT num, ${SUMMARY_COLUMNS} FROM artisan WHERE ${where}${keyset} ORDER BY num DESC LIMIT ?`,
    )
    .all(...params, ...(req.after ? [req.after] : []), req.limit + 1) as (ArtisanSummary & {
    num: number
  })[]
  const more = rows.length > req.limit
  const page = rows.slice(0, req.limit)
  return {
    items: page.map(({ num: _num, ...item }) => item),
    next: more ? (page[page.length - 1]?.num ?? null) : null,
  }
}

export function countArtisans(db: Db, filter: ListFilter): number {
  const { where, params } = filterSql(filter)
  return db
    .prepare(`SELECT count(*) FROM artisan WHERE ${where}`)
    .pluck()
    .get(...params) as number
}
