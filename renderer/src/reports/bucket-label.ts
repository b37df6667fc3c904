import type { TrendBucket } from '@shared/reports/dashboard'

const LOCALE: Record<string, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' }

/**
 * A trend bucket as a reader names it: a month by its name (`oct. 2026`, `أكتوبر 2026`), a
 * week by its first day (`05/10`), since ISO week numbers mean little at a counter.
 */
export function bucketLabel(bucket: TrendBucket, unit: 'week' | 'month', lang: string): string {
  const day = new Date(`${bucket.from}T00:00:00Z`)
  const locale = LOCALE[lang] ?? 'fr-MA'
  if (unit === 'month')
    return new Intl.DateTimeFormat(locale, {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
      numberingSystem: 'latn',
    }).format(day)
  return `${bucket.from.slice(8, 10)}/${bucket.from.slice(5, 7)}`
}
