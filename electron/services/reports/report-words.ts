import type { ReportLanguage, ReportPeriods } from '@shared/reports/report'
import { ltr } from '@shared/text/bidi'
import { formatDay } from '@shared/text/dates'
import { t } from '../documents/page'

/**
 * The words and numbers of the report to the ministry (issue 8), shared by the PDF and the
 * workbook: labels (`ministryReport.*`), the period's name ("octobre 2026", "الفصل الرابع
 * من سنة 2026"), dates as the administration writes them (01/10/2026), counts with
 * grouped digits, rates and changes in percent. Western digits in both languages; in
 * Arabic every number is isolated left to right so that signs and separators stay put.
 */
export const word = (
  lang: ReportLanguage,
  key: string,
  params: Record<string, string | number> = {},
): string => t(lang, `ministryReport.${key}`, params)

const LOCALE: Record<ReportLanguage, string> = { ar: 'ar-MA', fr: 'fr-MA' }
const DASH = '—'

const numbers = new Map<string, Intl.NumberFormat>()
function numberFormat(lang: ReportLanguage, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`
  let f = numbers.get(key)
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { numberingSystem: 'latn', ...options })
    numbers.set(key, f)
  }
  return f
}

/** The PDF's text for a number: left to right inside Arabic. */
const placed = (lang: ReportLanguage, text: string) => (lang === 'ar' ? ltr(text) : text)

/** 12345 → "12.345". */
export function count(lang: ReportLanguage, n: number): string {
  return placed(lang, numberFormat(lang, { maximumFractionDigits: 0 }).format(n))
}

/** 0.4234 → "42,3 %"; null (nothing to divide by) → a dash. */
export function percent(lang: ReportLanguage, ratio: number | null): string {
  if (ratio === null) return DASH
  return placed(
    lang,
    numberFormat(lang, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(ratio),
  )
}

/** +12, −5, 0. */
export function signed(lang: ReportLanguage, n: number): string {
  return placed(
    lang,
    numberFormat(lang, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(n),
  )
}

/** +8,5 %, −20,0 %; a dash when the period before had none. */
export function signedPercent(lang: ReportLanguage, ratio: number | null): string {
  if (ratio === null) return DASH
  return placed(
    lang,
    numberFormat(lang, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format(ratio),
  )
}

/** A rate as the workbook stores it: percent, one decimal (42.3), or null. */
export const percentValue = (ratio: number | null): number | null =>
  ratio === null ? null : Math.round(ratio * 1000) / 10

/** 2026-10-01 → "01/10/2026" (isolated in Arabic): day/month/year, as every date is printed. */
export function day(lang: ReportLanguage, iso: string): string {
  return placed(lang, formatDay(iso))
}

/** A bucket's days on the chart: "01/10/2026 – 07/10/2026" (one day when it is one). */
export function dayRange(lang: ReportLanguage, from: string, to: string): string {
  return placed(lang, from === to ? formatDay(from) : `${formatDay(from)} – ${formatDay(to)}`)
}

/** "octobre", "أكتوبر" (or the short form, "oct.", for the chart's axis). */
export function monthName(lang: ReportLanguage, month: string, style: 'long' | 'short' = 'long') {
  return new Intl.DateTimeFormat(LOCALE[lang], { month: style, timeZone: 'UTC' }).format(
    new Date(`${month.slice(0, 7)}-15T00:00:00Z`),
  )
}

/** "octobre 2026" / "أكتوبر 2026"; "4e trimestre 2026" / "الفصل الرابع من سنة 2026". */
export function periodName(
  lang: ReportLanguage,
  p: Pick<ReportPeriods, 'kind' | 'year' | 'index'>,
): string {
  if (p.kind === 'quarter') return word(lang, `quarter${p.index}`, { year: p.year })
  const month = `${p.year}-${String(p.index).padStart(2, '0')}`
  return `${monthName(lang, month)} ${p.year}`
}

/** The name of the period before. */
export function previousName(lang: ReportLanguage, periods: ReportPeriods): string {
  const m = /^(\d{4})-(?:Q)?(\d{1,2})$/.exec(periods.previousLabel)
  return periodName(lang, { kind: periods.kind, year: Number(m?.[1]), index: Number(m?.[2]) })
}

/** "Rapport mensuel — octobre 2026". */
export function reportTitle(lang: ReportLanguage, periods: ReportPeriods): string {
  return word(lang, periods.kind === 'month' ? 'titleMonth' : 'titleQuarter', {
    period: periodName(lang, periods),
  })
}

/** "du 01/10/2026 au 31/10/2026". */
export function range(lang: ReportLanguage, p: { from: string; to: string }): string {
  return word(lang, 'range', { from: day(lang, p.from), to: day(lang, p.to) })
}
