/**
 * The report periods a chamber can print, newest first: the last 12 months and the last 4
 * quarters, the one running included (its figures are to date).
 */
export function recentMonths(today: string, n = 12): string[] {
  const y = Number(today.slice(0, 4))
  const m = Number(today.slice(5, 7)) - 1
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - i, 1))
    return d.toISOString().slice(0, 7)
  })
}

export function recentQuarters(today: string, n = 4): string[] {
  const y = Number(today.slice(0, 4))
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3)
  return Array.from({ length: n }, (_, i) => {
    const k = y * 4 + q - i
    return `${Math.floor(k / 4)}-Q${(k % 4) + 1}`
  })
}

const LOCALE: Record<string, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' }

/** `2026-10` → "octobre 2026" / "أكتوبر 2026"; quarters are labelled by the caller. */
export function monthName(month: string, lang: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang] ?? 'fr-MA', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
    numberingSystem: 'latn',
  }).format(new Date(`${month}-01T00:00:00Z`))
}
