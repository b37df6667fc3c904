import { appError, type FieldError } from '@shared/errors'
import { AGE_LIMITS, type DashboardFilter } from '@shared/reports/dashboard'
import type { Db } from '../database/open'
import { sql } from '../database/statements'

/**
 * The dashboard filter as one WHERE clause over `artisan a` (deleted files excluded), and
 * the check that its codes exist. A commune brings its province into the clause so the
 * report index (migration 018) is entered by its first column; a branch is a range of
 * activity codes (`P01` → `P01.…`); an age band is a range of birth dates, so every part
 * stays an index range rather than an expression evaluated per row.
 */
export interface ArtisanWhere {
  where: string
  params: Record<string, string>
}

/** Birth dates giving an age in [min, max) years on `on` (YYYY-MM-DD): same day, other year. */
function yearsBefore(on: string, years: number): string {
  return `${String(Number(on.slice(0, 4)) - years).padStart(4, '0')}${on.slice(4)}`
}

export function artisanWhere(
  filter: DashboardFilter,
  communeProvince: string | null,
): ArtisanWhere {
  const clauses = ['a.deleted_at IS NULL']
  const params: Record<string, string> = {}
  const province = filter.provinceCode ?? communeProvince
  if (province) {
    clauses.push('a.province_code = @province')
    params.province = province
  }
  if (filter.communeCode) {
    clauses.push('a.commune_code = @commune')
    params.commune = filter.communeCode
  }
  if (filter.activity) {
    clauses.push('a.main_activity = @activity')
    params.activity = filter.activity
  }
  if (filter.branch) {
    // Activity codes are `<branch>.<nnn>`: '/' sorts right after '.'.
    clauses.push('a.main_activity > @branchLow AND a.main_activity < @branchHigh')
    params.branchLow = `${filter.branch}.`
    params.branchHigh = `${filter.branch}/`
  }
  if (filter.actorType) {
    clauses.push('a.actor_type = @actorType')
    params.actorType = filter.actorType
  }
  if (filter.sex) {
    clauses.push('a.sex = @sex')
    params.sex = filter.sex
  }
  if (filter.ageBand) {
    // Age ≥ min ⇔ born on or before the end day min years earlier; age < max ⇔ born after
    // the end day max years earlier. Files without a birth date fall in no band.
    const [min, max] = AGE_LIMITS[filter.ageBand]
    clauses.push('a.birth_date IS NOT NULL')
    if (min !== null) {
      clauses.push('a.birth_date <= @bornBy')
      params.bornBy = yearsBefore(filter.period.to, min)
    }
    if (max !== null) {
      clauses.push('a.birth_date > @bornAfter')
      params.bornAfter = yearsBefore(filter.period.to, max)
    }
  }
  return { where: clauses.join(' AND '), params }
}

/**
 * Refuses codes the reference data does not know (each at its place in the filter) and a
 * commune outside the chosen province; returns the commune's province.
 */
export function checkFilterCodes(db: Db, filter: DashboardFilter): string | null {
  const fields: FieldError[] = []
  const get = (text: string, value: string) =>
    sql(db, text).pluck().get(value) as string | undefined
  if (
    filter.provinceCode &&
    !get('SELECT code FROM ref_province WHERE code = ?', filter.provinceCode)
  )
    fields.push({ path: 'filter.provinceCode', key: 'validation.territory' })
  let communeProvince: string | null = null
  if (filter.communeCode) {
    communeProvince =
      get('SELECT province_code FROM ref_commune WHERE code = ?', filter.communeCode) ?? null
    if (!communeProvince || (filter.provinceCode && communeProvince !== filter.provinceCode))
      fields.push({ path: 'filter.communeCode', key: 'validation.territory' })
  }
  if (
    filter.branch &&
    !get('SELECT code FROM ref_activity WHERE branch_code = ? LIMIT 1', filter.branch)
  )
    fields.push({ path: 'filter.branch', key: 'validation.activity' })
  if (filter.activity) {
    const branch = get('SELECT branch_code FROM ref_activity WHERE code = ?', filter.activity)
    if (!branch || (filter.branch && branch !== filter.branch))
      fields.push({ path: 'filter.activity', key: 'validation.activity' })
  }
  if (fields.length) throw appError('validation', 'errors.validation', undefined, fields)
  return communeProvince
}
