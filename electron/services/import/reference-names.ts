import { normalizeArabic, normalizeLatin } from '@shared/text/normalize'
import type { Db } from '../database/open'

/**
 * Communes and activities written by name in a list are found in the reference data by
 * their Arabic or French name; a name that fits several (two communes called the same
 * in different provinces) is reported instead of guessed.
 */
export type NameLookup = (value: string) => { code: string } | { error: 'unknown' | 'ambiguous' }

const fold = (s: string) => normalizeLatin(normalizeArabic(s))

function lookupFrom(rows: { code: string; nameAr: string; nameFr: string }[]): NameLookup {
  const codes = new Set(rows.map((r) => r.code))
  const byName = new Map<string, Set<string>>()
  for (const r of rows) {
    for (const n of [r.nameAr, r.nameFr]) {
      const k = fold(n)
      byName.set(k, (byName.get(k) ?? new Set()).add(r.code))
    }
  }
  return (value) => {
    if (codes.has(value.toUpperCase())) return { code: value.toUpperCase() }
    const found = byName.get(fold(value))
    if (!found) return { error: 'unknown' }
    return found.size === 1 ? { code: [...found][0] as string } : { error: 'ambiguous' }
  }
}

export function communeLookup(db: Db): NameLookup {
  return lookupFrom(
    db.prepare('SELECT code, name_ar AS nameAr, name_fr AS nameFr FROM ref_commune').all() as never,
  )
}

export function activityLookup(db: Db): NameLookup {
  return lookupFrom(
    db
      .prepare('SELECT code, name_ar AS nameAr, name_fr AS nameFr FROM ref_activity')
      .all() as never,
  )
}
