import { nameTokens, normalizeLatin } from '@shared/text/normalize'

/** The names an artisan is found by: Arabic, Latin, and the organisation's name. */
export interface IndexedNames {
  firstNameAr: string | null
  lastNameAr: string | null
  firstNameLat: string | null
  lastNameLat: string | null
  organisationName: string
}

/**
 * The whole words of an artisan's names as the search sees them: normalised Arabic,
 * folded Latin (spelling variants meet) and plain Latin (as written).
 */
export function nameWords(n: IndexedNames): Set<string> {
  const latin = `${n.firstNameLat ?? ''} ${n.lastNameLat ?? ''}`
  return new Set(
    [
      ...nameTokens(`${n.firstNameAr ?? ''} ${n.lastNameAr ?? ''}`),
      ...nameTokens(latin),
      ...normalizeLatin(latin).split(' '),
      ...nameTokens(n.organisationName),
    ].filter((w) => w.length >= 2),
  )
}
