import type { SystemInfo } from '@shared/api/contract'
import { schemaVersion } from '../database/migrate'
import { CIPHER, sqliteVersion, type Db } from '../database/open'

export interface InfoSource {
  db: Db
  dataDir: string
  databaseFile: string
  keyStorage: string
  appVersion: string
  electronVersion: string | null
}

const COUNTED = {
  settings: 'SELECT count(*) FROM settings',
  auditEntries: 'SELECT count(*) FROM audit_log',
  outboxPending: `SELECT count(*) FROM outbox WHERE status = 'pending'`,
  regions: 'SELECT count(*) FROM ref_region',
} as const

/** Versions, where the data lives, the schema version and row counts (Settings, `cli info`). */
export function systemInfo(src: InfoSource, transport: SystemInfo['transport']): SystemInfo {
  const counts: Record<string, number> = {}
  for (const [name, sql] of Object.entries(COUNTED)) {
    counts[name] = src.db.prepare(sql).pluck().get() as number
  }
  return {
    appVersion: src.appVersion,
    node: process.versions.node,
    electron: src.electronVersion,
    sqlite: sqliteVersion(src.db),
    cipher: `${CIPHER} (SQLCipher v4, AES-256)`,
    transport,
    dataDir: src.dataDir,
    databaseFile: src.databaseFile,
    keyStorage: src.keyStorage,
    schemaVersion: schemaVersion(src.db),
    counts,
  }
}
