import type { Statement } from 'better-sqlite3-multiple-ciphers'
import type { Db } from './open'

/**
 * Prepared statements kept per connection: hot paths (saving a file, importing a list,
 * searching) run the same SQL thousands of times, and preparing it each time costs more
 * than running it.
 */
const cache = new WeakMap<Db, Map<string, Statement>>()

export function sql(db: Db, text: string): Statement {
  let statements = cache.get(db)
  if (!statements) {
    statements = new Map()
    cache.set(db, statements)
  }
  let statement = statements.get(text)
  if (!statement) {
    statement = db.prepare(text)
    statements.set(text, statement)
  }
  return statement
}
