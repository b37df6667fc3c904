import { existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { FileKeyStore, KEY_FILE_NAME } from '../../electron/services/database/key-store'
import { openDatabase } from '../../electron/services/database/open'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

function errorKey(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return error instanceof AppError ? error.data.key : `not an AppError: ${String(error)}`
  }
  return undefined
}

describe('the desk database on disk', () => {
  it('holds no plaintext of what is stored in it, WAL included', async () => {
    const app = openTestDesk(dir)
    await app.direct().call('setup.complete', {
      ...VALID_SETUP,
      chamber: { ...VALID_SETUP.chamber, address: 'Derb Tafilalt PLAINTEXT-MARKER 42' },
    })
    const walBeforeClose = join(dir, 'sijill.db-wal')
    const raw = [
      readFileSync(join(dir, 'sijill.db')),
      existsSync(walBeforeClose) ? readFileSync(walBeforeClose) : Buffer.alloc(0),
    ]
    app.close()
    for (const bytes of [...raw, readFileSync(join(dir, 'sijill.db'))]) {
      expect(bytes.includes('PLAINTEXT-MARKER')).toBe(false)
      expect(bytes.includes('Souss-Massa')).toBe(false)
      expect(bytes.includes(Buffer.from('سوس ماسة'))).toBe(false)
      expect(bytes.subarray(0, 15).toString()).not.toBe('SQLite format 3')
    }
  })

  it('keeps its key in a key file readable by the desk user only', () => {
    openTestDesk(dir).close()
    const mode = statSync(join(dir, KEY_FILE_NAME)).mode & 0o777
    expect(mode).toBe(0o600)
  })

  it('cannot be opened with another key', () => {
    openTestDesk(dir).close()
    const key = Buffer.alloc(32, 7)
    expect(errorKey(() => openDatabase({ file: join(dir, 'sijill.db'), key }))).toBe(
      'errors.database_key',
    )
  })

  it('refuses to start, without creating a new key, when the key file is lost', () => {
    openTestDesk(dir).close()
    unlinkSync(join(dir, KEY_FILE_NAME))
    expect(errorKey(() => openTestDesk(dir))).toBe('errors.database_key_missing')
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false)
  })

  it('reports a corrupted key file instead of guessing', () => {
    openTestDesk(dir).close()
    writeFileSync(join(dir, KEY_FILE_NAME), 'not a key')
    expect(() => new FileKeyStore(dir).read()).toThrow(/not a 256-bit hex key/)
  })

  it('runs in WAL mode with foreign keys and a busy timeout', () => {
    const app = openTestDesk(dir)
    expect(app.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(app.db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(app.db.pragma('busy_timeout', { simple: true })).toBe(5000)
    app.close()
  })

  it('keeps what was saved across a close and a reopen', async () => {
    const first = openTestDesk(dir)
    await first.direct().call('setup.complete', VALID_SETUP)
    first.close()
    const second = openTestDesk(dir)
    const profile = await second.direct().call('settings.get', {})
    expect(profile.chamber.nameFr).toBe(VALID_SETUP.chamber.nameFr)
    expect(profile.chamber.phone).toBe('+212528223344')
    second.close()
  })

  it('refuses a file that is not a database with a clear error', () => {
    writeFileSync(join(dir, 'garbage.db'), Buffer.alloc(8192, 0x5a))
    expect(
      errorKey(() => openDatabase({ file: join(dir, 'garbage.db'), key: Buffer.alloc(32, 1) })),
    ).toBe('errors.database_key')
  })
})
