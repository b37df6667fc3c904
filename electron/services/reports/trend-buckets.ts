import { trendUnit, type Period } from '@shared/reports/dashboard'

/**
 * The trend's buckets for a period (issue 8): ISO weeks (Monday to Sunday) when the period
 * is 92 days or shorter, calendar months beyond; each clipped to the period and listed even
 * when nothing happened in it, so the chart's axis has no holes.
 */
export interface Bucket {
  label: string
  from: string
  to: string
}

const DAY = 864e5
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`)

/** ISO-8601 week label of a day: the week belongs to the year of its Thursday. */
export function isoWeekLabel(day: string): string {
  const t = ms(day)
  const weekday = (new Date(t).getUTCDay() + 6) % 7 // Monday 0
  const thursday = new Date(t + (3 - weekday) * DAY)
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

export function trendBuckets(period: Period): { unit: 'week' | 'month'; buckets: Bucket[] } {
  const unit = trendUnit(period)
  const end = ms(period.to)
  const buckets: Bucket[] = []
  let start = ms(period.from)
  while (start <= end) {
    const d = new Date(start)
    let last: number
    if (unit === 'week') {
      last = start + (6 - ((d.getUTCDay() + 6) % 7)) * DAY
    } else {
      last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY
    }
    const to = Math.min(last, end)
    const from = iso(start)
    buckets.push({
      label: unit === 'week' ? isoWeekLabel(from) : from.slice(0, 7),
      from,
      to: iso(to),
    })
    start = to + DAY
  }
  return { unit, buckets }
}

/** Index of the bucket holding a day (buckets sorted, contiguous), or -1 outside them. */
export function bucketOf(buckets: readonly Bucket[], day: string): number {
  let lo = 0
  let hi = buckets.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const b = buckets[mid]!
    if (day < b.from) hi = mid - 1
    else if (day > b.to) lo = mid + 1
    else return mid
  }
  return -1
}
