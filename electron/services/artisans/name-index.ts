import { normalizeLatin, normalizeName } from '@shared/text/normalize'
import type { Db } from '../database/open'

/**
 * The name index: one FTS5 trigram document per artisan (rowid = artisan.num) holding
 * the normalised Arabic names, the Latin names both folded (spelling variants meet) and
 * plainly normalised (a fragment typed as written still matches), and the organisation
 * name — so that any fragment of three letters or more finds the file. Kept in step by
 * the services in the same transaction as the row.
 */
export interface IndexedNames {
  firstNameAr: string | null
  lastNameAr: string | null
  firstNameLat: string | null
  lastNameLat: string | null
  organisationName: string
}

export function indexText(n: IndexedNames): string {
  const latin = `${n.firstNameLat ?? ''} ${n.lastNameLat ?? ''}`
  const parts = [
    normalizeName(`${n.firstNameAr ?? ''} ${n.lastNameAr ?? ''}`),
    normalizeName(latin),
    normalizeLatin(latin),
    normalizeName(n.organisationName),
  ]
  return [...new Set(parts.filter((p) => p.length > 0))].join(' | ')
}

export function writeNameIndex(db: Db, num: number, names: IndexedNames): void {
  db.prepare('DELETE FROM artisan_name_fts WHERE rowid = ?').run(num)
  db.prepare('INSERT INTO artisan_name_fts (rowid, names) VALUES (?, ?)').run(num, indexText(names))
}
