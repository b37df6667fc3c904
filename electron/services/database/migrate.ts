import type { Database } from 'better-sqlite3-multiple-ciphers'
import { appError } from '@shared/errors'
import type { Migration } from './migrations/migration'

export interface MigrationOutcome {
  from: number
  to: number
  applied: string[]
}

/** Migrations must be numbered 1, 2, 3… with no gap, duplicate or disorder. */
export function checkMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `Migration ${m.name} has version ${m.version} at position ${i + 1}; versions must be 1..n in order`,
      )
    }
  })
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the schema up to date: refuses a database from a newer app, applies the
 * pending steps in one transaction (all or nothing), then lets SQLite refresh its
 * statistics. `user_version` holds the version.
 */
export function migrate(db: Database, migrations: readonly Migration[]): MigrationOutcome {
  checkMigrationOrder(migrations)
  const known = migrations.length
  const from = schemaVersion(db)
  if (from > known) {
    throw appError('database', 'errors.database_newer', { found: from, known })
  }
  const pending = migrations.slice(from)
  if (pending.length === 0) return { from, to: from, applied: [] }

  db.transaction(() => {
    for (const m of pending) {
      if (typeof m.up === 'string') db.exec(m.up)
      else m.up(db)
      db.pragma(`user_version = ${m.version}`)
    }
  })()
  db.pragma('optimize')
  return { from, to: known, applied: pending.map((m) => `${m.version}-${m.name}`) }
}
