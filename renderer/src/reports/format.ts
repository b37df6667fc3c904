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
