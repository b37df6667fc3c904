import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { safeStorage } from 'electron'
import { FileKeyStore, type KeyStore } from '../services/database/key-store'

/**
 * The desktop app keeps the database key sealed by the OS (DPAPI on Windows, the
 * keyring on Linux, Keychain on macOS). A desk first opened by the browser host or the
 * CLI has a plain key file: the app seals it and removes the plain copy (from then on the
 * host and CLI cannot open that folder; docs/security.md).
 * Where the OS offers no encryption, the app falls back to the 0600 key file and says so.
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
    if (existsSync(this.sealedFile)) {
      return Buffer.from(safeStorage.decryptString(readFileSync(this.sealedFile)), 'hex')
    }
    const plain = this.plain.read()
    if (plain && safeStorage.isEncryptionAvailable()) {
      this.write(plain)
      unlinkSync(join(this.dataDir, 'sijill.key'))
    }
    return plain
  }

  write(key: Buffer): void {
    if (!safeStorage.isEncryptionAvailable()) {
      this.plain.write(key)
      return
    }
    writeFileSync(this.sealedFile, safeStorage.encryptString(key.toString('hex')), { mode: 0o600 })
  }
}
