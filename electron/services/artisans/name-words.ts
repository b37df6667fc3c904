import { remembered } from '@shared/text/memo'
import { familyNameVariants, normalizeLatin, normalizeName } from '@shared/text/normalize'

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
  /** Extra keys of the Latin family name (Lamrani = El Amrani): see familyNameVariants. */
  variants: string
}

/** Plain Latin of one name, remembered as normalizeName is: names repeat endlessly. */
const plainLatin = remembered(normalizeLatin)
/** Each name apart (a given name never glues to a family name), joined. */
const both = (f: (s: string) => string, first: string | null, last: string | null) =>
  [f(first ?? ''), f(last ?? '')].filter(Boolean).join(' ')

export function normalizedNames(n: IndexedNames): NormalizedNames {
  return {
    arabic: both(normalizeName, n.firstNameAr, n.lastNameAr),
    latin: both(normalizeName, n.firstNameLat, n.lastNameLat),
    folded: both(plainLatin, n.firstNameLat, n.lastNameLat),
    organisation: normalizeName(n.organisationName),
    variants: familyNameVariants(n.lastNameLat ?? '').join(' '),
  }
}

/** The whole words (two letters or more) of a file's normalised names. */
export function nameWords(n: IndexedNames, forms = normalizedNames(n)): Set<string> {
  const all = `${forms.arabic} ${forms.latin} ${forms.folded} ${forms.organisation} ${forms.variants}`
  return new Set(all.split(' ').filter((w) => [...w].length >= 2))
}
