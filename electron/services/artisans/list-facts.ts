import type { ListFilter } from '@shared/artisans/list'
import type { Db } from '../database/open'
import { sql } from '../database/statements'

/**
 * Counting the artisans behind a dashboard figure of the period — a path step or
 * certificates issued or cancelled, narrowed by place, craft, actor type, sex or birth
 * dates — from the facts the dashboard itself reads (`report_fact`, migration 019): one
 * range of its covering index, each artisan once. Through the files, a year of
 * registrations cost one lookup per event (1.6 s at 10^6). Other filters return null and
 * are counted over the files.
 */
const FACT_COLUMNS = {
  provinceCode: 'province_code',
  communeCode: 'commune_code',
  activity: 'main_activity',
  actorType: 'actor_type',
  sex: 'sex',
} as const
const ALSO = new Set<keyof ListFilter>(['branch', 'bornFrom', 'bornTo'])

function factSet(filter: ListFilter): { kind: string; from: string; to: string } | null {
  const sets = [
    filter.step && { kind: filter.step.step, from: filter.step.from, to: filter.step.to },
    filter.certificateIssued && { kind: 'certificate_issued', ...filter.certificateIssued },
    filter.certificateCancelled && {
      kind: 'certificate_cancelled',
      ...filter.certificateCancelled,
    },
  ].filter((s) => !!s)
  return sets.length === 1 && !filter.attended ? sets[0]! : null
}

export function countFromFacts(db: Db, filter: ListFilter): number | null {
  const set = factSet(filter)
  if (!set) return null
  const used = (Object.keys(filter) as (keyof ListFilter)[]).filter(
    (k) =>
      filter[k] !== undefined && !['step', 'certificateIssued', 'certificateCancelled'].includes(k),
  )
  if (!used.every((k) => k in FACT_COLUMNS || ALSO.has(k))) return null
  const clauses = ['f.kind = ?', 'f.day >= ?', 'f.day <= ?', 'f.deleted_at IS NULL']
  const params: string[] = [set.kind, set.from, set.to]
  for (const [key, column] of Object.entries(FACT_COLUMNS) as [
    keyof typeof FACT_COLUMNS,
    string,
  ][]) {
    const value = filter[key]
    if (value !== undefined) {
      clauses.push(`f.${column} = ?`)
      params.push(value)
    }
  }
  if (filter.branch) {
    // Activity codes are `<branch>.<nnn>`: '/' sorts right after '.' (as the list reads it).
    clauses.push('f.main_activity > ? AND f.main_activity < ?')
    params.push(`${filter.branch}.`, `${filter.branch}/`)
  }
  if (filter.bornFrom) {
    clauses.push('f.birth_date >= ?')
    params.push(filter.bornFrom)
  }
  if (filter.bornTo) {
    clauses.push('f.birth_date <= ?')
    params.push(filter.bornTo)
  }
  return sql(
    db,
    `SELECT count(DISTINCT f.artisan_num) FROM report_fact f INDEXED BY report_fact_day
      WHERE ${clauses.join(' AND ')}`,
  )
    .pluck()
    .get(...params) as number
}
