import { normalizeLatin, normalizeName } from '@shared/text/normalize'

/** The names an artisan is found by: Arabic, Latin, and the organisation's name. */
export interface IndexedNames {
  firstNameAr: string | null
  lastNameAr: string | null
  firstNameLat: string | null
  lastNameLat: string | null
  organisationName: string
}

/**
 * A file's names as the search sees them, normalised once for both indexes: Arabic, Latin
 * as written, Latin folded (spelling variants meet), and the organisation's name.
 */
export interface NormalizedNames {
  arabic: string
  latin: string
  folded: string
  organisation: string
}

export function normalizedNames(n: IndexedNames): NormalizedNames {
  const latin = `${n.firstNameLat ?? ''} ${n.lastNameLat ?? ''}`
  return {
    arabic: normalizeName(`${n.firstNameAr ?? ''} ${n.lastNameAr ?? ''}`),
    latin: normalizeName(latin),
    folded: normalizeLatin(latin),
    organisation: normalizeName(n.organisationName),
  }
}

/** The whole words (two letters or more) of a file's normalised names. */
export function nameWords(n: IndexedNames, forms = normalizedNames(n)): Set<string> {
  const all = `${forms.arabic} ${forms.latin} ${forms.folded} ${forms.organisation}`
  return new Set(all.split(' ').filter((w) => [...w].length >= 2))
}
