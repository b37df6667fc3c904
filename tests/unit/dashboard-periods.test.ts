import { describe, expect, it } from 'vitest'
import { presetOf, presetPeriod, PRESETS } from '../../renderer/src/reports/period-presets'
import { recentMonths, recentQuarters } from '../../renderer/src/reports/report-periods'
import { bucketLabel } from '../../renderer/src/reports/bucket-label'
import { filterFromParams, dashboardHref } from '../../renderer/src/reports/dashboard-route'

/** The dashboard's named periods, report periods and address, from a desk's day. */
describe('dashboard periods', () => {
  it('names the periods a chamber asks for, the running ones ending today', () => {
    const today = '2026-02-14'
    expect(presetPeriod('thisMonth', today)).toEqual({ from: '2026-02-01', to: today })
    expect(presetPeriod('lastMonth', today)).toEqual({ from: '2026-01-01', to: '2026-01-31' })
    expect(presetPeriod('thisQuarter', today)).toEqual({ from: '2026-01-01', to: today })
    expect(presetPeriod('lastQuarter', today)).toEqual({ from: '2025-10-01', to: '2025-12-31' })
    expect(presetPeriod('thisYear', today)).toEqual({ from: '2026-01-01', to: today })
    expect(presetPeriod('last12Months', today)).toEqual({ from: '2025-03-01', to: today })
    // In a first quarter, this quarter and this year are the same days: either name fits.
    for (const p of PRESETS) {
      const named = presetOf(presetPeriod(p, today), today)
      expect(named && presetPeriod(named, today)).toEqual(presetPeriod(p, today))
    }
    expect(presetOf(presetPeriod('thisYear', '2026-05-02'), '2026-05-02')).toBe('thisYear')
    expect(presetOf({ from: '2026-02-02', to: today }, today)).toBeNull()
  })

  it('offers the last months and quarters for the report, across a new year', () => {
    expect(recentMonths('2026-02-14', 3)).toEqual(['2026-02', '2026-01', '2025-12'])
    expect(recentQuarters('2026-02-14', 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3'])
  })

  it('labels a month by its name and a week by its first day', () => {
    const bucket = {
      label: '2026-10',
      from: '2026-10-01',
      to: '2026-10-31',
      identified: 0,
      registered: 0,
      cnssPreRegistered: 0,
      amoCovered: 0,
      banked: 0,
    }
    expect(bucketLabel(bucket, 'month', 'fr')).toBe('oct. 2026')
    expect(bucketLabel(bucket, 'month', 'ar')).toBe('أكتوبر 2026')
    expect(bucketLabel({ ...bucket, from: '2026-10-05' }, 'week', 'ar')).toBe('05/10')
  })

  it('keeps the filter in the address and falls back to this month on a bad one', () => {
    const filter = {
      period: { from: '2026-01-01', to: '2026-03-31' },
      provinceCode: '09.06',
      sex: 'F' as const,
    }
    const href = dashboardHref(filter)
    expect(href).toMatch(/^#\/reports\?/)
    expect(filterFromParams(new URLSearchParams(href.split('?')[1]), '2026-04-02')).toEqual(filter)
    const bad = new URLSearchParams('from=2026-03-31&to=2026-01-01')
    expect(filterFromParams(bad, '2026-04-02')).toEqual({
      period: { from: '2026-04-01', to: '2026-04-02' },
    })
  })
})
