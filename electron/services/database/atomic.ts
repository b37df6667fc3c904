import type { Db } from './open'

/**
 * Runs `work` in a transaction, or inside the caller's when one is already open (an import
 * writes hundreds of files per transaction; a savepoint per file would cost more than the
 * file). A failure inside the caller's transaction fails it whole.
 */
export function atomically<T>(db: Db, work: () => T): T {
  return db.inTransaction ? work() : db.transaction(work)()
}
