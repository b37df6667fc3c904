import type { Db } from '../database/open'
import { nameWords, normalizedNames, type IndexedNames, type NormalizedNames } from './name-words'
import { sql } from '../database/statements'

/**
 * The name index: one FTS5 trigram document per artisan (rowid = artisan.num) holding
 * the normalised Arabic names, the Latin names both folded (spelling variants meet) and
 * plainly normalised (a fragment typed as written still matches), and the organisation
 * name — so that any fragment of three letters or more finds the file. Kept in step by
 * the services in the same transaction as the row.
 */
export function indexText(forms: NormalizedNames): string {
  const parts = [forms.arabic, forms.latin, forms.folded, forms.organisation, forms.variants]
  return [...new Set(parts.filter((p) => p.length > 0))].join(' | ')
}

/** Word count changes gathered over a batch (an import), written once at its end. */
export type WordCounts = Map<string, number>

/**
 * Indexes a file's names (trigram and whole words). `previous` is what was indexed before
 * (an edit), so that the word counts stay exact; `counts` gathers the count changes for
 * `writeWordCounts` instead of writing them one by one; `forms` are the names already
 * normalised (by an import's worker).
 */
export function writeNameIndex(
  db: Db,
  num: number,
  names: IndexedNames,
  options: { previous?: IndexedNames; counts?: WordCounts; forms?: NormalizedNames } = {},
): void {
  const counts: WordCounts = options.counts ?? new Map()
  const change = (word: string, by: number) => counts.set(word, (counts.get(word) ?? 0) + by)
  if (options.previous) {
    sql(db, 'DELETE FROM artisan_name_fts WHERE rowid = ?').run(num)
    sql(db, 'DELETE FROM artisan_name_words WHERE rowid = ?').run(num)
    for (const w of nameWords(options.previous)) change(w, -1)
  }
  const forms = options.forms ?? normalizedNames(names)
  const words = nameWords(names, forms)
  sql(db, 'INSERT INTO artisan_name_fts (rowid, names) VALUES (?, ?)').run(num, indexText(forms))
  sql(db, 'INSERT INTO artisan_name_words (rowid, words) VALUES (?, ?)').run(
    num,
    [...words].join(' '),
  )
  for (const w of words) change(w, 1)
  if (!options.counts) writeWordCounts(db, counts)
}

export function writeWordCounts(db: Db, counts: WordCounts): void {
  const write = sql(
    db,
    `INSERT INTO name_word_count (word, n) VALUES (?, ?)
       ON CONFLICT (word) DO UPDATE SET n = n + excluded.n`,
  )
  for (const [word, by] of counts) if (by !== 0) write.run(word, by)
  counts.clear()
}

export type { IndexedNames }
