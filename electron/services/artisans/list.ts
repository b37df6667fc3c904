import type { ListFilter, ListPage } from '@shared/artisans/list'
import type { ArtisanSummary } from '@shared/artisans/records'
import type { Db } from '../database/open'
import { SUMMARY_COLUMNS } from './columns'
import { countFromFacts } from './list-facts'
import { planList, setClauses, type ListPlan, type RangeKey, type SetKey } from './list-drill'

/**
 * Filtered pages of the register, newest first, by keyset on `num` (each filter column's
 * index ends with the row key, so a page is an index range, whatever the register's size).
 * Ranges (branch, birth dates, creation days) and the drill-down's sets (what happened in
 * a period) enter the query as their size makes cheapest (list-drill.ts).
 */
const EQUALS = {
  regionCode: 'region_code',
  provinceCode: 'province_code',
  communeCode: 'commune_code',
  activity: 'main_activity',
  actorType: 'actor_type',
  sex: 'sex',
  rnaStatus: 'rna_status',
  coverStatus: 'cover_status',
  bankStatus: 'bank_status',
} as const satisfies Partial<Record<keyof ListFilter, string>>

/**
 * The WHERE clause over `FROM artisan` (not aliased). Without a plan, sets enter as
 * `exists` and ranges may enter their indexes: the same files either way.
 */
export function filterSql(
  filter: ListFilter,
  plan: ListPlan = { sets: {}, walk: [] },
): { where: string; params: (string | number)[] } {
  const clauses = ['deleted_at IS NULL']
  const params: (string | number)[] = []
  const add = (clause: string, ...values: (string | number)[]) => {
    clauses.push(clause)
    params.push(...values)
  }
  for (const [key, column] of Object.entries(EQUALS) as [keyof typeof EQUALS, string][]) {
    const value = filter[key]
    if (value !== undefined) add(`${column} = ?`, value)
  }
  // A walked range is written `+col`: the same test, but no index is entered by it.
  const col = (key: RangeKey, column: string) => (plan.walk.includes(key) ? `+${column}` : column)
  // Activity codes are `<branch>.<nnn>`: '/' sorts right after '.' (as the dashboard reads it).
  const activity = col('branch', 'main_activity')
  if (filter.branch)
    add(`${activity} > ? AND ${activity} < ?`, `${filter.branch}.`, `${filter.branch}/`)
  if (filter.bornFrom) add(`${col('born', 'birth_date')} >= ?`, filter.bornFrom)
  if (filter.bornTo) add(`${col('born', 'birth_date')} <= ?`, filter.bornTo)
  if (filter.coverIn)
    add(`cover_status IN (${filter.coverIn.map(() => '?').join(', ')})`, ...filter.coverIn)
  if (filter.createdFrom) add(`${col('created', 'created_at')} >= ?`, filter.createdFrom)
  if (filter.createdTo) add(`${col('created', 'created_at')} < ?`, `${filter.createdTo}T99`)
  const sets = setClauses(filter, plan.sets)
  for (const clause of sets.clauses) clauses.push(clause)
  params.push(...sets.params)
  return { where: clauses.join(' AND '), params }
}

/** The WHERE clause for reading pages (the list, the export): sets and ranges planned for it. */
export function pageFilterSql(db: Db, filter: ListFilter) {
  return filterSql(filter, planList(db, filter, 'page'))
}

export function listArtisans(
  db: Db,
  req: { filter: ListFilter; after?: number | undefined; limit: number },
): ListPage {
  const { where, params } = pageFilterSql(db, req.filter)
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

/**
 * The dashboard's narrow index (migration 018, live files only) holds every column these
 * filters read, and the file's key that a gathered set (`member`) is tested against:
 * counting through it never reads a file's row — one pass over about 70 MiB at 10^6
 * instead of the whole table, or a province's range. A commune or an activity has a
 * narrower index of its own, and the other filters (region, creation day, probed sets) are
 * left to the planner.
 */
const REPORT_INDEX_FILTERS = new Set<keyof ListFilter>([
  'provinceCode',
  'branch',
  'actorType',
  'sex',
  'bornFrom',
  'bornTo',
  'rnaStatus',
  'coverStatus',
  'coverIn',
  'bankStatus',
])

export function countArtisans(db: Db, filter: ListFilter): number {
  const fromFacts = countFromFacts(db, filter)
  if (fromFacts !== null) return fromFacts
  const plan = planList(db, filter, 'count')
  const { where, params } = filterSql(filter, plan)
  const used = (Object.keys(filter) as (keyof ListFilter)[]).filter((k) => filter[k] !== undefined)
  const covered = used.every(
    (k) => REPORT_INDEX_FILTERS.has(k) || plan.sets[k as SetKey] === 'member',
  )
  const from = covered ? 'artisan INDEXED BY artisan_report' : 'artisan'
  return db
    .prepare(`SELECT count(*) FROM ${from} WHERE ${where}`)
    .pluck()
    .get(...params) as number
}
