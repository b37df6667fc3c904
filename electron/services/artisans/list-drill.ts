import type { ListFilter } from '@shared/artisans/list'
import type { Db } from '../database/open'
import { sql } from '../database/statements'

/**
 * How the list's query enters the register for the drill-down's filters (issue 8), where
 * the planner alone chooses badly at national size.
 *
 * Sets — what happened to an artisan in a period (a path step, a certificate issued or
 * cancelled, a session attended) — are kept in other tables, keyed by the artisan's id,
 * and enter in one of three shapes, chosen by how large the set is:
 * - `in`: the set drives — `num IN (the set's files)` fetches only the set's files; right
 *   for a few thousand, ruinous for a year of registrations (every one fetched, then
 *   sorted, before the first page);
 * - `member`: the set is gathered once (its files' keys), then a place's or an activity's
 *   index is walked newest first, each entry tested against it before its file is read
 *   (`+num IN …`: the `+` keeps the set from driving) — a few thousand rows, however
 *   many files the place holds;
 * - `exists`: each file in the list's order (newest first, or by a narrow index such as
 *   the commune's) is probed through the artisan's own rows (`artisan_event_artisan`,
 *   `document_artisan`, `session_attendance_artisan`); a first page stops after 100
 *   matches, which come quickly when the set is large.
 *
 * Ranges — a branch, birth dates, creation days — have indexes of their own, but not in
 * the list's order: entering by a wide range fetches and sorts all of it (a branch is a
 * fourteenth of the register). A wide range is therefore walked (its column written `+col`
 * so no index is entered by it) and a narrow one entered.
 */
export const SET_KEYS = ['step', 'certificateIssued', 'certificateCancelled', 'attended'] as const
export type SetKey = (typeof SET_KEYS)[number]
export type SetShape = 'in' | 'member' | 'exists'
export type SetShapes = Partial<Record<SetKey, SetShape>>

interface SetSql {
  /** FROM … WHERE … over the set's own table(s), one row per event, document or check-in. */
  body: string
  /** The column of that body holding the artisan's id. */
  artisanId: string
  params: (string | number)[]
  /** Whether counting the set's rows is an index range (else it is taken to be small). */
  probe: boolean
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 864e5).toISOString().slice(0, 10)

function setSql(filter: ListFilter, key: SetKey): SetSql | null {
  switch (key) {
    case 'step': {
      const s = filter.step
      if (!s) return null
      return {
        body: 'FROM artisan_event e WHERE e.step = ? AND e.happened_on >= ? AND e.happened_on <= ?',
        artisanId: 'e.artisan_id',
        params: [s.step, s.from, s.to],
        probe: true,
      }
    }
    case 'certificateIssued': {
      const p = filter.certificateIssued
      if (!p) return null
      return {
        body: `FROM document d WHERE d.type = 'certificate' AND d.issued_at >= ? AND d.issued_at < ?`,
        artisanId: 'd.artisan_id',
        params: [p.from, nextDay(p.to)],
        probe: true,
      }
    }
    case 'certificateCancelled': {
      // Cancellations are few, and no index is entered by their day: always the set first.
      const p = filter.certificateCancelled
      if (!p) return null
      return {
        body: `FROM document d WHERE d.type = 'certificate' AND d.cancelled_at >= ? AND d.cancelled_at < ?`,
        artisanId: 'd.artisan_id',
        params: [p.from, nextDay(p.to)],
        probe: false,
      }
    }
    case 'attended': {
      // Sessions held that started in the period, placed as sessionFigures (dashboard.ts)
      // places them: in the commune if one is named, else in the province.
      const a = filter.attended
      if (!a) return null
      const params: (string | number)[] = [a.from, nextDay(a.to)]
      let place = ''
      if (a.communeCode) {
        place = ' AND s.commune_code = ?'
        params.push(a.communeCode)
      } else if (a.provinceCode) {
        place = ' AND s.province_code = ?'
        params.push(a.provinceCode)
      }
      return {
        body: `FROM session s JOIN session_attendance t ON t.session_id = s.id
          WHERE s.status = 'held' AND s.starts_at >= ? AND s.starts_at < ?${place}${a.walkIn ? ' AND t.walk_in = 1' : ''}`,
        artisanId: 't.artisan_id',
        params,
        probe: true,
      }
    }
  }
}

/** The WHERE clauses of the set filters (over `FROM artisan`, not aliased), in the shapes given. */
export function setClauses(
  filter: ListFilter,
  shapes: SetShapes,
): { clauses: string[]; params: (string | number)[] } {
  const clauses: string[] = []
  const params: (string | number)[] = []
  for (const key of SET_KEYS) {
    const set = setSql(filter, key)
    if (!set) continue
    const files = `(SELECT x.num FROM artisan x WHERE x.id IN (SELECT ${set.artisanId} ${set.body}))`
    const shape = shapes[key] ?? 'exists'
    clauses.push(
      shape === 'in'
        ? `num IN ${files}`
        : shape === 'member'
          ? `+num IN ${files}`
          : // LIMIT 1 keeps it a probe per file: without it SQLite may first build a Bloom
            // filter over the whole set (a tenth of a second for a year of certificates).
            `EXISTS (SELECT 1 ${set.body} AND ${set.artisanId} = artisan.id LIMIT 1)`,
    )
    params.push(...set.params)
  }
  return { clauses, params }
}

/**
 * The register's size and, when the filter names a place or an activity, about how many
 * files that leaves: the register shared evenly among the reference data's communes,
 * activities, provinces or regions (the narrowest named). The list walks that index newest
 * first, so it is what probing costs at most.
 */
function sizes(db: Db, filter: ListFilter): { register: number; walked: number } {
  const register = (sql(db, 'SELECT max(num) FROM artisan').pluck().get() as number | null) ?? 0
  const share = (table: string) =>
    register / Math.max(1, sql(db, `SELECT count(*) FROM ${table}`).pluck().get() as number)
  let walked = register
  if (filter.communeCode) walked = Math.min(walked, share('ref_commune'))
  if (filter.activity) walked = Math.min(walked, share('ref_activity'))
  if (filter.provinceCode) walked = Math.min(walked, share('ref_province'))
  if (filter.regionCode) walked = Math.min(walked, share('ref_region'))
  return { register, walked }
}

/** Range filters, by the index that could be entered by them. */
export const RANGE_KEYS = ['branch', 'born', 'created'] as const
export type RangeKey = (typeof RANGE_KEYS)[number]

/** Counts a range's index entries (live and deleted files alike: an estimate), up to a limit. */
function rangeProbe(filter: ListFilter, key: RangeKey): { text: string; params: string[] } | null {
  switch (key) {
    case 'branch':
      return filter.branch
        ? {
            text: `FROM artisan INDEXED BY artisan_activity_main WHERE main_activity > ? AND main_activity < ?`,
            params: [`${filter.branch}.`, `${filter.branch}/`],
          }
        : null
    case 'born':
      return filter.bornFrom || filter.bornTo
        ? {
            text: `FROM artisan INDEXED BY artisan_birth_date WHERE birth_date >= ? AND birth_date <= ?`,
            params: [filter.bornFrom ?? '', filter.bornTo ?? '9999'],
          }
        : null
    case 'created':
      return filter.createdFrom || filter.createdTo
        ? {
            text: `FROM artisan INDEXED BY artisan_created
              WHERE deleted_at IS NULL AND created_at >= ? AND created_at < ?`,
            params: [
              filter.createdFrom ?? '',
              filter.createdTo ? `${filter.createdTo}T99` : '9999',
            ],
          }
        : null
  }
}

export interface ListPlan {
  sets: SetShapes
  /** Ranges too wide to enter by: the list walks its order and tests them per file. */
  walk: RangeKey[]
}

/**
 * The plan for a page or for a count, comparing what each way reads, in files:
 * - entering by a set or a range fetches all of it (its rows, counted up to what matters);
 * - walking the files in order (the whole register newest first, or a place's or an
 *   activity's index) tests them one by one: for a page, until 100 match — about
 *   100 × register ÷ size when the rows are spread evenly — at most all walked; for a
 *   count, all walked.
 * A set smaller than the walk is gathered — as `member` when a place or an activity is
 *   walked (index entries are cheap to test), else as `in`; a larger one is probed
 *   (`exists`). A count enters every range (the indexes cover it). A count of a large set
 *   over the whole register reads the set either way (the slow case: a year of
 *   registrations at 10^6 — the events' index does not hold the artisan).
 */
export function planList(db: Db, filter: ListFilter, purpose: 'page' | 'count'): ListPlan {
  const plan: ListPlan = { sets: {}, walk: [] }
  let known: { register: number; walked: number } | null = null
  /** Whether gathering (or entering by) these rows reads less than walking. */
  const smaller = (body: string, params: (string | number)[]): boolean => {
    known ??= sizes(db, filter)
    const { register, walked } = known
    // Walking never reads more than this: so many rows or more, and walking wins.
    const enough = Math.ceil(
      purpose === 'count' ? walked : Math.min(walked, Math.sqrt(100 * register)),
    )
    const rows = sql(db, `SELECT count(*) FROM (SELECT 1 ${body} LIMIT ?)`)
      .pluck()
      .get(...params, enough) as number
    const walking = purpose === 'count' ? walked : Math.min(walked, (100 * register) / rows)
    return rows < enough && rows <= walking
  }
  for (const key of SET_KEYS) {
    const set = setSql(filter, key)
    if (!set) continue
    known ??= sizes(db, filter)
    const narrow = known.walked < known.register
    if (purpose === 'count' && !narrow)
      plan.sets[key] = 'in' // nothing narrower to walk
    else if (!set.probe || smaller(set.body, set.params)) plan.sets[key] = narrow ? 'member' : 'in'
    else plan.sets[key] = 'exists'
  }
  if (purpose === 'page')
    for (const key of RANGE_KEYS) {
      const range = rangeProbe(filter, key)
      if (range && !smaller(range.text, range.params)) plan.walk.push(key)
    }
  return plan
}
