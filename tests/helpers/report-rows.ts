import type { AgeBand, DashboardFilter } from '../../shared/reports/dashboard'

/**
 * A second, independent reading of the dashboard's filter for the reports' tests: plain
 * TypeScript over the artisan rows, with ages counted in whole years as a person would.
 */
export interface ArtisanRow {
  id: string
  cin: string
  province_code: string | null
  commune_code: string | null
  main_activity: string | null
  actor_type: string
  sex: string | null
  birth_date: string | null
  rna_status: string
  cover_status: string
  bank_status: string
  created_at: string
  deleted_at: string | null
}

function age(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4))
  return on.slice(5) < birth.slice(5) ? years - 1 : years
}

const BANDS: Record<AgeBand, [number, number]> = {
  '<25': [0, 25],
  '25-34': [25, 35],
  '35-44': [35, 45],
  '45-54': [45, 55],
  '55-64': [55, 65],
  '65+': [65, 1000],
}

export function inAgeBand(birth: string | null, band: AgeBand, on: string): boolean {
  if (!birth) return false
  const n = age(birth, on)
  return n >= BANDS[band][0] && n < BANDS[band][1]
}

/** Whether a live file matches the dashboard's filter (place, craft, sex, actor, age band). */
export function passesFilter(a: ArtisanRow, f: DashboardFilter): boolean {
  if (a.deleted_at) return false
  if (f.provinceCode && a.province_code !== f.provinceCode) return false
  if (f.communeCode && a.commune_code !== f.communeCode) return false
  if (f.activity && a.main_activity !== f.activity) return false
  if (f.branch && !a.main_activity?.startsWith(`${f.branch}.`)) return false
  if (f.sex && a.sex !== f.sex) return false
  if (f.actorType && a.actor_type !== f.actorType) return false
  if (f.ageBand && !inAgeBand(a.birth_date, f.ageBand, f.period.to)) return false
  return true
}
