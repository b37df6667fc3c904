import type { ArtisanSummary } from '@shared/artisans/records'
import { formatMoroccanPhone } from '@shared/validation/phone'

/** How an artisan is named on screen: in the UI's script first, the other one beside it. */
export function displayNames(
  a: Pick<
    ArtisanSummary,
    'firstNameAr' | 'lastNameAr' | 'firstNameLat' | 'lastNameLat' | 'organisationName'
  >,
  language: string,
) {
  const ar = [a.firstNameAr, a.lastNameAr].filter(Boolean).join(' ')
  const lat = [a.firstNameLat, a.lastNameLat].filter(Boolean).join(' ')
  const [primary, secondary] =
    language === 'ar' ? [ar || lat, ar ? lat : ''] : [lat || ar, lat ? ar : '']
  return { primary: primary || a.organisationName, secondary }
}

export function phoneText(e164: string | null): string {
  return e164 ? formatMoroccanPhone(e164) : ''
}

/** What the clerk typed, carried into a new registration as the right field. */
export function registerParamsFrom(query: string, kind: string): Record<string, string> {
  const q = query.trim()
  if (!q) return {}
  if (kind === 'cin') return { cin: q }
  if (kind === 'phone') return { phone: q }
  if (kind === 'nia') return {}
  return /[\u0600-\u06FF]/.test(q) ? { nameAr: q } : { nameLat: q }
}
