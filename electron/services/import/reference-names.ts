import { normalizeArabic, normalizeLatin } from '@shared/text/normalize'
import type { Db } from '../database/open'

/**
 * Communes and activities written by name in a list are found in the reference data by
 * their Arabic or French name. A commune name that several communes share is taken in the
 * chamber's own region when exactly one there has it (lists come from the chamber's
 * territory); otherwise it is reported instead of guessed.
 */
export type NameLookup = (
  value: string,
  /** Communes: the province named on the same row, when the list has that column. */
  province?: string,
) => { code: string } | { error: 'unknown' | 'ambiguous' }

const fold = (s: string) => normalizeLatin(normalizeArabic(s))

export interface Named {
  code: string
  nameAr: string
  nameFr: string
  /** Communes: the province and region they lie in. */
  province?: string
  region?: string
}

function lookupFrom(rows: Named[], preferredRegion?: string): NameLookup {
  const byCode = new Map(rows.map((r) => [r.code, r]))
  const codes = new Set(rows.map((r) => r.code))
  const byName = new Map<string, Set<string>>()
  for (const r of rows) {
    for (const n of [r.nameAr, r.nameFr]) {
      const k = fold(n)
      byName.set(k, (byName.get(k) ?? new Set()).add(r.code))
    }
  }
  return (value, province) => {
    const direct = value.toUpperCase()
    let found = codes.has(direct) ? [direct] : [...(byName.get(fold(value)) ?? [])]
    if (province) found = found.filter((c) => byCode.get(c)?.province === province)
    if (found.length === 0) return { error: 'unknown' }
    if (found.length === 1) return { code: found[0] as string }
    const local = found.filter((c) => preferredRegion && byCode.get(c)?.region === preferredRegion)
    return local.length === 1 ? { code: local[0] as string } : { error: 'ambiguous' }
  }
}

/** The reference names an import resolves, as plain rows (they cross to the worker). */
export interface ReferenceNames {
  provinces: Named[]
  communes: Named[]
  activities: Named[]
  /** The chamber's region: where a commune name shared by several provinces is looked for. */
  region: string | undefined
}

export function readReferenceNames(db: Db, region: string | undefined): ReferenceNames {
  const rows = (sql: string) => db.prepare(sql).all() as Named[]
  return {
    provinces: rows('SELECT code, name_ar AS nameAr, name_fr AS nameFr FROM ref_province'),
    communes: rows(
      `SELECT c.code, c.name_ar AS nameAr, c.name_fr AS nameFr, c.province_code AS province,
         p.region_code AS region
       FROM ref_commune c JOIN ref_province p ON p.code = c.province_code`,
    ),
    activities: rows('SELECT code, name_ar AS nameAr, name_fr AS nameFr FROM ref_activity'),
    region,
  }
}

export interface Lookups {
  provinces: NameLookup
  communes: NameLookup
  activities: NameLookup
}

export function lookupsFrom(names: ReferenceNames): Lookups {
  return {
    provinces: lookupFrom(names.provinces),
    communes: lookupFrom(names.communes, names.region),
    activities: lookupFrom(names.activities),
  }
}
