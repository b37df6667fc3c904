import { existsSync, readFileSync, renameSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { safeStorage } from 'electron'
import { appError } from '@shared/errors'
import { FileKeyStore, KEY_FILE_NAME, type KeyStore } from '../services/database/key-store'
import { openAtomicFile } from '../services/files/atomic-write'

/**
 * The desktop app keeps the database key sealed by the OS (DPAPI on Windows, the
 * keyring on Linux, Keychain on macOS). A plain key file in the folder is taken in:
 * the app seals it and removes the plain copy. That file comes from a desk first opened
 * by the browser host or the CLI (from then on they cannot open that folder), or from
 * `recover-key`, which writes the key it recovered with the recovery code after checking
 * it opens the database — so it wins over a sealed key the OS can no longer open (a
 * rebuilt profile); the sealed file it replaces is kept as `sijill.key.sealed.previous`.
 * A sealed key that cannot be unsealed, with no plain key, is a missing key
 * (docs/security.md). Where the OS offers no encryption, the app falls back to the 0600
 * key file and says so.
 */
export class SafeStorageKeyStore implements KeyStore {
  readonly description: string
  private readonly sealedFile: string
  private readonly plain: FileKeyStore

  constructor(private readonly dataDir: string) {
    this.sealedFile = join(dataDir, 'sijill.key.sealed')
    this.plain = new FileKeyStore(dataDir)
    this.description = safeStorage.isEncryptionAvailable()
      ? `OS-sealed key ${this.sealedFile}`
      : this.plain.description
  }

  read(): Buffer | null {
    const plain = this.plain.read()
    if (plain && safeStorage.isEncryptionAvailable()) {
      this.write(plain)
      unlinkSync(join(this.dataDir, KEY_FILE_NAME))
      return plain
    }
    if (plain || !existsSync(this.sealedFile)) return plain
    try {
      return Buffer.from(safeStorage.decryptString(readFileSync(this.sealedFile)), 'hex')
    } catch (cause) {
      throw Object.assign(
        appError('database', 'errors.database_key_missing', { where: this.description }),
        { cause },
      )
    }
  }

  write(key: Buffer): void {
    if (!safeStorage.isEncryptionAvailable()) {
      this.plain.write(key)
      return
    }
    // the sealed key whole beside its place first, then the old one aside, then in place
    const file = openAtomicFile(this.sealedFile, { mode: 0o600 })
    try {
      file.write(safeStorage.encryptString(key.toString('hex')))
      if (existsSync(this.sealedFile)) renameSync(this.sealedFile, `${this.sealedFile}.previous`)
    } catch (error) {
      file.abort()
      throw error
    }
    file.commit()
  }
}
