import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import {
  checkMigrationOrder,
  migrate,
  schemaVersion,
} from '../../electron/services/database/migrate'
import {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  type Migration,
} from '../../electron/services/database/migrations'
import { closeDatabase, openDatabase, type Db } from '../../electron/services/database/open'
import { tempDir } from '../helpers/temp-desk'

const KEY = Buffer.alloc(32, 3)
let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

function open(name: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  return openDatabase({ file: join(dir, name), key: KEY, migrations }).db
}

function schemaOf(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS s FROM sqlite_master
                WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`,
      )
      .pluck()
      .all() as string[]
  ).map((s) => s.replace(/\s+/g, ' '))
}

describe('schema migrations', () => {
  it('bring a new database to the latest version and record it in user_version', () => {
    const db = open('new.db')
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    closeDatabase(db)
  })

  it.each(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, v) => v))(
    'upgrade a database left at version %i to the same schema as a new one',
    (past) => {
      const old = open(`v${past}.db`, MIGRATIONS.slice(0, past))
      expect(schemaVersion(old)).toBe(past)
      closeDatabase(old)
      const upgraded = open(`v${past}.db`)
      const fresh = open('fresh.db')
      expect(schemaVersion(upgraded)).toBe(LATEST_SCHEMA_VERSION)
      expect(schemaOf(upgraded)).toEqual(schemaOf(fresh))
      closeDatabase(upgraded)
      closeDatabase(fresh)
    },
  )

  it('fill the whole-word name index for files registered before it existed', () => {
    const old = open('v5.db', MIGRATIONS.slice(0, 5))
    old
      .prepare(
        `INSERT INTO artisan (num, id, cin, first_name_ar, last_name_ar, first_name_lat, last_name_lat,
           created_at, created_by, updated_at)
         VALUES (?, ?, ?, 'مُحَمَّد', 'العلوي', 'Mohammed', 'El Alaoui', '2025-01-01', 'test', '2025-01-01')`,
      )
      .run(7, 'a-7', 'J7')
    closeDatabase(old)
    const upgraded = open('v5.db')
    const find = (word: string) =>
      upgraded
        .prepare('SELECT rowid FROM artisan_name_words WHERE artisan_name_words MATCH ?')
        .pluck()
        .all(`"${word}"`)
    for (const word of ['محمد', 'لعلوي', 'mohammed', 'alaoui'])
      expect(find(word), word).toEqual([7])
    expect(
      upgraded.prepare(`SELECT n FROM name_word_count WHERE word = 'محمد'`).pluck().get(),
    ).toBe(1)
    closeDatabase(upgraded)
  })

  it('refuse a database made by a newer version of the app, and leave it untouched', () => {
    const db = open('future.db')
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`)
    closeDatabase(db)
    let error: unknown
    try {
      open('future.db')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).data).toEqual({
      code: 'database',
      key: 'errors.database_newer',
      params: { found: LATEST_SCHEMA_VERSION + 5, known: LATEST_SCHEMA_VERSION },
    })
    const raw = openDatabase({ file: join(dir, 'future.db'), key: KEY, readonly: true }).db
    expect(schemaVersion(raw)).toBe(LATEST_SCHEMA_VERSION + 5)
    raw.close()
  })

  it('apply all pending steps or none: a failing step rolls back the ones before it', () => {
    const base = open('partial.db', MIGRATIONS.slice(0, 1))
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      up: 'CREATE TABLE oops (; nonsense',
    }
    expect(() => migrate(base, [...MIGRATIONS, broken])).toThrow()
    expect(schemaVersion(base)).toBe(1)
    expect(
      base.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'outbox'`).pluck().get(),
    ).toBe(0)
    closeDatabase(base)
  })

  it('refuse a list of migrations that is out of order or has a gap', () => {
    const [a, b, c] = MIGRATIONS as [Migration, Migration, Migration]
    expect(() => checkMigrationOrder([a, c, b])).toThrow(/versions must be 1..n in order/)
    expect(() => checkMigrationOrder([a, c])).toThrow(/version 3 at position 2/)
    expect(() => checkMigrationOrder([a, b, c])).not.toThrow()
  })
})
