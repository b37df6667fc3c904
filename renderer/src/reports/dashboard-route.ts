import { DashboardFilterSchema, type DashboardFilter } from '@shared/reports/dashboard'
import { hrefOf } from '../app/sections'
import { presetPeriod } from './period-presets'

/**
 * The dashboard's filter lives in the address (`#/reports?from=…&to=…&provinceCode=…`), so
 * coming back from a drill-down, or reloading, shows the same figures. A filter that does
 * not read (an edited address) falls back to this month, whole.
 */
const KEYS = [
  'provinceCode',
  'communeCode',
  'branch',
  'activity',
  'actorType',
  'sex',
  'ageBand',
] as const

export function filterFromParams(params: URLSearchParams, today: string): DashboardFilter {
  const raw: Record<string, unknown> = {
    period: { from: params.get('from') ?? '', to: params.get('to') ?? '' },
  }
  for (const key of KEYS) {
    const value = params.get(key)
    if (value) raw[key] = value
  }
  const parsed = DashboardFilterSchema.safeParse(raw)
  return parsed.success ? parsed.data : { period: presetPeriod('thisMonth', today) }
}

export function dashboardHref(filter: DashboardFilter): string {
  const params: Record<string, string> = { from: filter.period.from, to: filter.period.to }
  for (const key of KEYS) {
    const value = filter[key]
    if (value) params[key] = value
  }
  return hrefOf.section('reports', params)
}
