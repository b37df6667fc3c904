import type { FormatFunction } from 'i18next'

/**
 * Figures as a chamber reads them: Latin digits in every language, Moroccan grouping and
 * decimal comma (`1.234.567`, `45,3 %`); a rate over nothing is a dash.
 */
const LOCALE: Record<string, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' }

export function formatCount(n: number, lang: string): string {
  return new Intl.NumberFormat(LOCALE[lang] ?? 'fr-MA').format(n)
}

export function formatRate(r: number | null, lang: string): string {
  if (r === null) return '—'
  return new Intl.NumberFormat(LOCALE[lang] ?? 'fr-MA', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(r)
}

/** A duration in milliseconds, to two decimals (`0,75`), for the About view. */
export function formatMs(ms: number, lang: string): string {
  return new Intl.NumberFormat(LOCALE[lang] ?? 'fr-MA', { maximumFractionDigits: 2 }).format(ms)
}

/**
 * Every `{{count}}` of every sentence ("12.394 artisans", "1.204 présents") grouped as the
 * dashboard groups its figures: given to i18next as its interpolation format, so that
 * lists, drill-downs and totals never show "12394" under a dashboard's "12.394". Other
 * values pass unchanged (years, CINs and codes are strings or not called `count`).
 */
export const formatInterpolation: FormatFunction = (value: unknown, _format, lang, options) =>
  options?.interpolationkey === 'count' && typeof value === 'number'
    ? formatCount(value, lang ?? 'ar')
    : // i18next gives back what it was given (a missing value stays undefined for it to see).
      (value as string)
