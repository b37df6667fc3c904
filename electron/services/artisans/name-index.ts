import { normalizeLatin, normalizeName } from '@shared/text/normalize'
import type { Db } from '../database/open'
import { nameWords, type IndexedNames } from './name-words'
import { sql } from '../database/statements'

/**
 * The name index: one FTS5 trigram document per artisan (rowid = artisan.num) holding
 * the normalised Arabic names, the Latin names both folded (spelling variants meet) and
 * plainly normalised (a fragment typed as written still matches), and the organisation
 * name — so that any fragment of three letters or more finds the file. Kept in step by
 * the services in the same transaction as the row.
 */
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

/**
 * Indexes a file's names (trigram and whole words). `previous` is what was indexed before
 * (an edit), so that the word counts stay exact.
 */
export function writeNameIndex(
  db: Db,
  num: number,
  names: IndexedNames,
  previous?: IndexedNames,
): void {
  if (previous) {
    sql(db, 'DELETE FROM artisan_name_fts WHERE rowid = ?').run(num)
    sql(db, 'DELETE FROM artisan_name_words WHERE rowid = ?').run(num)
    const less = sql(db, 'UPDATE name_word_count SET n = n - 1 WHERE word = ?')
    for (const w of nameWords(previous)) less.run(w)
  }
  const words = nameWords(names)
  sql(db, 'INSERT INTO artisan_name_fts (rowid, names) VALUES (?, ?)').run(num, indexText(names))
  sql(db, 'INSERT INTO artisan_name_words (rowid, words) VALUES (?, ?)').run(
    num,
    [...words].join(' '),
  )
  const more = sql(
    db,
    'INSERT INTO name_word_count (word, n) VALUES (?, 1) ON CONFLICT (word) DO UPDATE SET n = n + 1',
  )
  for (const w of words) more.run(w)
}

export type { IndexedNames }
