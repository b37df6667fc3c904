import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

/** The data folder and the register's files are the OS account's alone (docs/security.md). */
let cleanup = (): void => undefined
afterEach(() => cleanup())

const mode = (path: string) => statSync(path).mode & 0o777

describe('the data folder', () => {
  it('is 0700 and its database files 0600, also when the folder existed with looser modes', async () => {
    const folder = tempDir()
    cleanup = folder.cleanup
    const data = join(folder.dir, 'data')
    mkdirSync(data, { mode: 0o755 })
    chmodSync(data, 0o755)
    const app = openTestDesk(data)
    await app.direct().call('setup.complete', VALID_SETUP)
    const files = readdirSync(data).filter((f) => f.startsWith('sijill.db'))
    expect(files).toEqual(expect.arrayContaining(['sijill.db', 'sijill.db-wal']))
    expect(mode(data)).toBe(0o700)
    for (const f of files) expect(mode(join(data, f)), f).toBe(0o600)
    app.close()

    // A database left 0644 by an older version is tightened at the next start.
    chmodSync(join(data, 'sijill.db'), 0o644)
    const again = openTestDesk(data)
    expect(mode(join(data, 'sijill.db'))).toBe(0o600)
    again.close()
  })
})
