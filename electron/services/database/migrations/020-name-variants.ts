import type { Migration } from './migration'
import { indexText } from '../../artisans/name-index'
import { nameWords, normalizedNames, type IndexedNames } from '../../artisans/name-words'

/**
 * Name search meets more Moroccan spelling variants (issue 15: Arabic long vowels written
 * or not, the article as a bare L, Ould/Oulad/Ath, a few name-specific vowels, and the
 * family name's L-article keys): the keys of every file change, so both name indexes and
 * the word counts are written again from the files. Emptied with FTS5's `delete-all`
 * (no per-row deletes), refilled in row order in chunks; each distinct name is normalised
 * once (normalize.ts remembers). About 2 s per 100,000 files on a 2-core desk.
 */
export const m020: Migration = {
  version: 20,
  name: 'name-variants',
  up: (db) => {
    db.exec(`
      INSERT INTO artisan_name_fts (artisan_name_fts) VALUES ('delete-all');
      INSERT INTO artisan_name_words (artisan_name_words) VALUES ('delete-all');
      DELETE FROM name_word_count;
    `)
    const trigram = db.prepare('INSERT INTO artisan_name_fts (rowid, names) VALUES (?, ?)')
    const words = db.prepare('INSERT INTO artisan_name_words (rowid, words) VALUES (?, ?)')
    // Read in chunks: a connection cannot write while a statement is still iterating.
    const chunk = db.prepare(
      `SELECT num, first_name_ar AS firstNameAr, last_name_ar AS lastNameAr, first_name_lat AS firstNameLat,
         last_name_lat AS lastNameLat, organisation_name AS organisationName
       FROM artisan WHERE num > ? ORDER BY num LIMIT 10000`,
    )
    const counts = new Map<string, number>()
    let after = 0
    for (;;) {
      const rows = chunk.all(after) as (IndexedNames & { num: number })[]
      if (rows.length === 0) break
      for (const row of rows) {
        const forms = normalizedNames(row)
        const own = nameWords(row, forms)
        trigram.run(row.num, indexText(forms))
        words.run(row.num, [...own].join(' '))
        for (const w of own) counts.set(w, (counts.get(w) ?? 0) + 1)
      }
      after = rows[rows.length - 1]?.num ?? after
    }
    const count = db.prepare('INSERT INTO name_word_count (word, n) VALUES (?, ?)')
    for (const [word, n] of counts) count.run(word, n)
  },
}
