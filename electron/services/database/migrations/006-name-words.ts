import type { Migration } from './migration'
import { nameWords } from '../../artisans/name-words'

/**
 * Whole-word name index beside the trigram index: when the clerk types whole names
 * ("محمد العلوي"), an FTS5 word index (no positions) intersects the words' posting lists
 * with skipping, which stays instant even for rare combinations of common names.
 * `name_word_count` says how many files carry each word (is a typed word a whole word?).
 * Filled here for files registered before it existed.
 */
export const m006: Migration = {
  version: 6,
  name: 'name-words',
  up: (db) => {
    db.exec(`
      CREATE VIRTUAL TABLE artisan_name_words USING fts5 (
        words, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1,
        detail = none
      );
      CREATE TABLE name_word_count (
        word TEXT PRIMARY KEY,
        n INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `)
    const insert = db.prepare('INSERT INTO artisan_name_words (rowid, words) VALUES (?, ?)')
    // Read in chunks: a connection cannot write while a statement is still iterating.
    const chunk = db.prepare(
      `SELECT num, first_name_ar AS firstNameAr, last_name_ar AS lastNameAr, first_name_lat AS firstNameLat,
         last_name_lat AS lastNameLat, organisation_name AS organisationName
       FROM artisan WHERE num > ? ORDER BY num LIMIT 10000`,
    )
    const counts = new Map<string, number>()
    let after = 0
    for (;;) {
      const rows = chunk.all(after) as (Parameters<typeof nameWords>[0] & { num: number })[]
      if (rows.length === 0) break
      for (const row of rows) {
        const words = nameWords(row)
        insert.run(row.num, [...words].join(' '))
        for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1)
      }
      after = rows[rows.length - 1]?.num ?? after
    }
    const count = db.prepare('INSERT INTO name_word_count (word, n) VALUES (?, ?)')
    for (const [word, n] of counts) count.run(word, n)
  },
}
