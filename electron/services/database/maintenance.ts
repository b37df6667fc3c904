import type { Db } from './open'

/**
 * For long-running hosts (desktop app, browser host): WAL checkpoints move off the save
 * path. SQLite's automatic checkpoint runs inside whichever commit fills the WAL, and on
 * an encrypted national-size register that commit then takes tens of milliseconds; here a
 * timer checkpoints instead (PASSIVE: never waits for readers), and close truncates the WAL.
 */
export function startBackgroundCheckpoints(db: Db, intervalMs = 5_000): () => void {
  db.pragma('wal_autocheckpoint = 0')
  const timer = setInterval(() => {
    if (db.open) db.pragma('wal_checkpoint(PASSIVE)')
  }, intervalMs)
  timer.unref()
  return () => {
    clearInterval(timer)
    if (db.open) db.pragma('wal_autocheckpoint = 1000')
  }
}
