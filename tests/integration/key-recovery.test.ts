import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../shared/errors'
import { runCli } from '../../electron/cli/run-cli'
import { SafeStorageKeyStore } from '../../electron/main/safe-storage-key-store'
import { openApp } from '../../electron/services/app'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import { FileKeyStore, KEY_FILE_NAME } from '../../electron/services/database/key-store'
import { LATEST_SCHEMA_VERSION } from '../../electron/services/database/migrations'
import {
  createRecovery,
  hasRecovery,
  keyId,
  recoverKey,
  RECOVERY_FILE_NAME,
  restoreKey,
  verifyRecoveryCode,
} from '../../electron/services/database/recovery'
import {
  ALPHABET,
  newRecoveryCode,
  parseRecoveryCode,
} from '../../electron/services/database/recovery-code'
import { translateError } from '../../electron/services/startup-error'
import { testCodes, validRegistration } from '../helpers/registration'
import { memoryLogger, openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

/**
 * The database key's recovery code (issue 7): the code catches typos by itself, gives
 * back exactly the key, refuses a wrong code and an edited file, and — the whole story —
 * a desk whose key store lost the key opens again, data intact, after `recover-key`.
 * The desktop app's OS sealing (Electron safeStorage) is the one thing stood in for:
 * a fake that seals per "OS profile", so a rebuilt profile cannot unseal.
 */
const os = vi.hoisted(() => ({ profile: 'profile-1', available: true }))
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => os.available,
    encryptString: (text: string) => Buffer.from(JSON.stringify({ profile: os.profile, text })),
    decryptString: (sealed: Buffer) => {
      const { profile, text } = JSON.parse(sealed.toString()) as { profile: string; text: string }
      if (profile !== os.profile) throw new Error('Error while decrypting the ciphertext')
      return text
    },
  },
}))

let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  os.profile = 'profile-1'
})
afterEach(() => cleanup())

function errorOf(work: () => unknown): { key: string; params?: Record<string, unknown> } {
  try {
    work()
  } catch (error) {
    if (error instanceof AppError) return error.data
    throw error
  }
  throw new Error('expected an error, none was thrown')
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', dir, ...argv], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const key32 = (byte: number) => Buffer.alloc(32, byte)
const CODE_SHAPE = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){5}$/

describe('the recovery code', () => {
  it('is six groups of five Crockford characters, read back however it is typed', () => {
    const code = newRecoveryCode()
    expect(code).toMatch(CODE_SHAPE)
    expect(newRecoveryCode()).not.toBe(code)
    const sloppy = ` ${code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `
    expect(parseRecoveryCode(sloppy)).toEqual(parseRecoveryCode(code))
    expect(parseRecoveryCode(code).formatted).toBe(code)
    expect(parseRecoveryCode(code).secret).toHaveLength(24)
  })

  it('catches every single wrong character and names its group', () => {
    const code = newRecoveryCode().replace(/-/g, '')
    for (let at = 0; at < code.length; at++) {
      for (const other of ALPHABET) {
        if (other === code[at]) continue
        const typo = code.slice(0, at) + other + code.slice(at + 1)
        expect(errorOf(() => parseRecoveryCode(typo))).toEqual({
          code: 'validation',
          key: 'errors.recovery_code_invalid',
          params: { group: Math.floor(at / 5) + 1 },
        })
      }
    }
  })

  it('catches two characters swapped within a group, and two groups swapped', () => {
    const code = newRecoveryCode()
    const groups = code.split('-')
    groups.forEach((group, g) => {
      for (let i = 0; i < 5; i++)
        for (let j = i + 1; j < 5; j++) {
          if (group[i] === group[j]) continue
          const chars = [...group]
          ;[chars[i], chars[j]] = [chars[j] as string, chars[i] as string]
          const typo = groups.map((x, n) => (n === g ? chars.join('') : x)).join('-')
          expect(errorOf(() => parseRecoveryCode(typo)).key).toBe('errors.recovery_code_invalid')
        }
    })
    const swapped = [groups[1], groups[0], ...groups.slice(2)].join('-')
    expect(errorOf(() => parseRecoveryCode(swapped)).key).toBe('errors.recovery_code_invalid')
  })

  it('refuses a code of the wrong length or with letters outside the alphabet', () => {
    const code = newRecoveryCode()
    for (const bad of [code.slice(0, -1), `${code}A`, code.replace(/^./, 'U'), '', 'hello'])
      expect(errorOf(() => parseRecoveryCode(bad)).key).toBe('errors.recovery_code_shape')
  })
})

describe('the recovery file', () => {
  it('gives back exactly the key with the right code, and holds neither in clear', () => {
    const key = key32(7)
    const { code } = createRecovery(dir, key)
    expect(hasRecovery(dir)).toBe(true)
    expect(recoverKey(dir, code).equals(key)).toBe(true)
    expect(recoverKey(dir, code.toLowerCase().replace(/-/g, ' ')).equals(key)).toBe(true)
    expect(verifyRecoveryCode(dir, code, key)).toBe(true)
    const file = join(dir, RECOVERY_FILE_NAME)
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain(key.toString('hex'))
    expect(text).not.toContain(key.toString('base64'))
    expect(text).not.toContain(code)
    expect(JSON.parse(text)).toMatchObject({ version: 1, keyId: keyId(key) })
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('refuses a well-formed code that is not this desk’s', () => {
    const key = key32(7)
    createRecovery(dir, key)
    const other = newRecoveryCode()
    expect(errorOf(() => recoverKey(dir, other))).toEqual({
      code: 'validation',
      key: 'errors.recovery_code_wrong',
    })
    expect(verifyRecoveryCode(dir, other)).toBe(false)
  })

  it('refuses a file that was edited, truncated or crafted', () => {
    const key = key32(9)
    const { code } = createRecovery(dir, key)
    const file = join(dir, RECOVERY_FILE_NAME)
    const original = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    const wrapped = Buffer.from(original.wrappedKey as string, 'base64')
    wrapped[0] = (wrapped[0] as number) ^ 1
    const edits: Record<string, unknown>[] = [
      { wrappedKey: wrapped.toString('base64') },
      { createdAt: '2020-01-01T00:00:00.000Z' },
      { keyId: keyId(key32(1)) },
      { kdf: { ...(original.kdf as object), N: 2 ** 30 } },
      { version: 2 },
    ]
    for (const edit of edits) {
      writeFileSync(file, JSON.stringify({ ...original, ...edit }))
      expect(errorOf(() => recoverKey(dir, code)).key).toBe('errors.recovery_file_damaged')
    }
    writeFileSync(file, JSON.stringify(original).slice(0, 100))
    expect(errorOf(() => recoverKey(dir, code)).key).toBe('errors.recovery_file_damaged')
    expect(() => verifyRecoveryCode(dir, code)).toThrow(AppError)
    unlinkSync(file)
    expect(errorOf(() => recoverKey(dir, code)).key).toBe('errors.recovery_missing')
  })

  it('a new code replaces the old one', () => {
    const key = key32(3)
    const first = createRecovery(dir, key).code
    const second = createRecovery(dir, key).code
    expect(errorOf(() => recoverKey(dir, first)).key).toBe('errors.recovery_code_wrong')
    expect(recoverKey(dir, second).equals(key)).toBe(true)
  })
})

describe('recovering a desk whose key was lost', () => {
  async function deskWithData(): Promise<{ artisanId: string; code: string }> {
    const app = openTestDesk(dir)
    try {
      const api = app.direct()
      await api.call('setup.complete', VALID_SETUP)
      const { id } = await api.call('artisans.register', validRegistration(testCodes(app.db)))
      const { code } = await api.call('recovery.regenerate', {})
      return { artisanId: id, code }
    } finally {
      app.close()
    }
  }

  it('recover-key with the code brings the desk back with its data intact', async () => {
    const { artisanId, code } = await deskWithData()
    unlinkSync(join(dir, KEY_FILE_NAME))
    expect(errorOf(() => openTestDesk(dir)).key).toBe('errors.database_key_missing')

    const typo = code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))
    const mistyped = await cli('recover-key', '--code', typo)
    expect(mistyped.code).toBe(1)
    expect(mistyped.err).toBe(translateError('fr', 'errors.recovery_code_invalid', { group: 1 }))
    const wrong = await cli('recover-key', '--code', newRecoveryCode())
    expect(wrong.code).toBe(1)
    expect(wrong.err).toBe(translateError('fr', 'errors.recovery_code_wrong'))
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false)

    const done = await cli('recover-key', '--code', code)
    expect(done.err).toBe('')
    expect(done.code).toBe(0)
    expect(done.out).toContain(
      translateError('fr', 'recovery.cli.recovered', { version: LATEST_SCHEMA_VERSION }),
    )

    const app = openTestDesk(dir)
    try {
      const file = await app.direct().call('artisans.get', { id: artisanId })
      expect(file.cin).toBe('JE123456')
      expect(file.firstNameAr).toBe('فاطمة')
      expect(verifyAuditChain(app.db).ok).toBe(true)
    } finally {
      app.close()
    }
    // Nothing left to recover: the key is back.
    const again = await cli('recover-key', '--code', code)
    expect(again.code).toBe(1)
    expect(again.err).toBe(translateError('fr', 'errors.recovery_not_needed'))
  })

  it('keeps a key file that does not open the database aside, never destroys it', async () => {
    const { code } = await deskWithData()
    writeFileSync(join(dir, KEY_FILE_NAME), `${'ab'.repeat(32)}\n`, { mode: 0o600 })
    expect(errorOf(() => openTestDesk(dir)).key).toBe('errors.database_key')
    expect((await cli('recover-key', '--code', code)).code).toBe(0)
    expect(readFileSync(join(dir, `${KEY_FILE_NAME}.replaced`), 'utf8').trim()).toBe(
      'ab'.repeat(32),
    )
    openTestDesk(dir).close()
  })

  it('refuses a recovery file made for another database', async () => {
    await deskWithData()
    const { code } = createRecovery(dir, key32(5))
    unlinkSync(join(dir, KEY_FILE_NAME))
    expect(errorOf(() => restoreKey(dir, code, new FileKeyStore(dir))).key).toBe(
      'errors.recovery_key_mismatch',
    )
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false)
  })

  it('says so when there is no database or no recovery file in the folder', async () => {
    expect((await cli('recover-key', '--code', newRecoveryCode())).err).toBe(
      translateError('fr', 'errors.recovery_no_database', { file: join(dir, 'sijill.db') }),
    )
    openTestDesk(dir).close()
    unlinkSync(join(dir, KEY_FILE_NAME))
    expect((await cli('recover-key', '--code', newRecoveryCode())).err).toBe(
      translateError('fr', 'errors.recovery_missing', { file: join(dir, RECOVERY_FILE_NAME) }),
    )
    expect((await cli('recover-key')).code).toBe(2)
  })

  it('a new code from recovery-code --new makes the old one useless', async () => {
    const { code: old } = await deskWithData()
    const made = await cli('recovery-code', '--new')
    expect(made.code).toBe(0)
    const fresh = made.out.trim()
    expect(fresh).toMatch(CODE_SHAPE)
    expect((await cli('recovery-code', '--check', old)).code).toBe(1)
    expect((await cli('recovery-code', '--check', fresh)).code).toBe(0)
    expect((await cli('recovery-code')).code).toBe(0)

    unlinkSync(join(dir, KEY_FILE_NAME))
    expect((await cli('recover-key', '--code', old)).err).toBe(
      translateError('fr', 'errors.recovery_code_wrong'),
    )
    expect((await cli('recover-key', '--code', fresh)).code).toBe(0)
    openTestDesk(dir).close()
  })
})

describe('the recovery API', () => {
  it('audits a new code without the code, and answers administrators only', async () => {
    const app = openTestDesk(dir)
    try {
      const api = app.direct()
      await api.call('setup.complete', VALID_SETUP)
      expect(await api.call('recovery.status', {})).toEqual({
        exists: false,
        createdAt: null,
        matchesKey: false,
      })
      const { code } = await api.call('recovery.regenerate', {})
      const { code: second } = await api.call('recovery.regenerate', {})
      const status = await api.call('recovery.status', {})
      expect(status).toMatchObject({ exists: true, matchesKey: true })

      const rows = app.db
        .prepare(`SELECT * FROM audit_log WHERE action = 'recovery.regenerate' ORDER BY seq`)
        .all() as Record<string, unknown>[]
      expect(rows).toHaveLength(2)
      expect(rows[1]).toMatchObject({ entity_type: 'key_recovery' })
      for (const secret of [code, second, ...code.split('-'), ...second.split('-')])
        expect(JSON.stringify(rows)).not.toContain(secret)
      expect(verifyAuditChain(app.db).ok).toBe(true)

      expect(await api.call('recovery.verify', { code })).toEqual({ ok: false })
      expect(await api.call('recovery.verify', { code: second })).toEqual({ ok: true })

      const clerk = { id: 'u1', name: 'Clerk', roles: ['clerk' as const] }
      for (const method of ['recovery.status', 'recovery.regenerate']) {
        const result = await app.router.call(
          { actor: clerk, transport: 'http', auth: 'active' },
          method,
          {},
        )
        expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      }
    } finally {
      app.close()
    }
  })

  it('prints the sheet with the code, and only a code that is this desk’s', async () => {
    const app = openTestDesk(dir)
    try {
      const api = app.direct()
      await api.call('setup.complete', VALID_SETUP)
      const { code } = await api.call('recovery.regenerate', {})
      const sheet = await api.call('recovery.printable', { code })
      const pdf = Buffer.from(sheet.base64, 'base64')
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      const pdfFile = join(dir, sheet.fileName)
      writeFileSync(pdfFile, pdf)
      const text = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString()
      for (const group of code.split('-')) expect(text).toContain(group)
      expect(text).toContain(keyId(new FileKeyStore(dir).read() as Buffer))
      await expect(api.call('recovery.printable', { code: newRecoveryCode() })).rejects.toThrow(
        'errors.recovery_code_wrong',
      )
    } finally {
      app.close()
    }
  })
})

describe('the desktop app (key sealed by the OS)', () => {
  const openDesktop = () =>
    openApp({
      dataDir: dir,
      keyStore: new SafeStorageKeyStore(dir),
      appVersion: '0.0.0-test',
      log: memoryLogger(),
    })

  it('takes in the key recover-key wrote when the OS can no longer unseal its own', async () => {
    const app = openDesktop()
    await app.direct().call('setup.complete', VALID_SETUP)
    const { code } = await app.direct().call('recovery.regenerate', {})
    app.close()
    const sealed = join(dir, 'sijill.key.sealed')
    expect(existsSync(sealed)).toBe(true)
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false)

    os.profile = 'profile-2' // the Windows profile was rebuilt
    expect(errorOf(() => openDesktop()).key).toBe('errors.database_key_missing')

    const done = await cli('recover-key', '--code', code)
    expect(done.code).toBe(0)
    expect(done.out).toContain(translateError('fr', 'recovery.cli.desktopWillSeal'))

    const back = openDesktop()
    expect(back.direct()).toBeTruthy()
    expect((await back.direct().call('settings.get', {})).deskName).toBe(VALID_SETUP.deskName)
    back.close()
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false)
    expect(existsSync(`${sealed}.previous`)).toBe(true)
    // Sealed again, under the new profile: it opens without any plain key.
    openDesktop().close()
  })

  it('still seals the plain key of a folder first opened by the browser host', () => {
    openTestDesk(dir).close()
    const plain = readFileSync(join(dir, KEY_FILE_NAME), 'utf8').trim()
    openDesktop().close()
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false)
    const unsealed = new SafeStorageKeyStore(dir).read()
    expect(unsealed?.toString('hex')).toBe(plain)
    renameSync(join(dir, 'sijill.key.sealed'), join(dir, 'elsewhere'))
    expect(errorOf(() => openDesktop()).key).toBe('errors.database_key_missing')
  })
})
