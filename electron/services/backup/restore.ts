import { createHash } from 'node:crypto'
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import type { BackupCounts, RestorePreview } from '@shared/api/methods/backup'
import type { Actor } from '@shared/api/roles'
import { AppError, appError } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import { appendAudit } from '../audit/audit-log'
import { nowIso } from '../clock'
import { LATEST_SCHEMA_VERSION } from '../database/migrations'
import { CIPHER, CIPHER_LEGACY, closeDatabase, openDatabase } from '../database/open'
import { DATABASE_FILE } from '../paths'
import { stagingName } from '../files/stale-work'
import { syncFolder, writeFileAtomic } from '../files/atomic-write'
import { describeDatabase, factsFrom, type DatabaseFacts } from './describe'
import { BODY_OFFSET, readBackupHeader, type BackupHeader } from './format'
import { runSqliteTask } from './sqlite-worker'

/**
 * Restore, in the order that can never damage the live database: check the backup (a
 * Sijill backup, complete, made with this desk's key, SHA-256 as written, SQLite
 * integrity_check ok, schema not newer than this app) on a copy beside the database;
 * bring that copy up to the current schema; show what would be replaced; then stage the
 * copy as `sijill.db.restore-pending`. The swap happens before the database is opened —
 * at the next start of the app, or at once from the CLI with the desk closed — and keeps
 * the replaced database as `sijill.db.before-restore-<time>`.
 */
export const PENDING_RESTORE = `${DATABASE_FILE}.restore-pending`
export const BEFORE_RESTORE = `${DATABASE_FILE}.before-restore-`

export interface CheckedBackup {
  file: string
  header: BackupHeader
  fileSize: number
  /** The verified, migrated copy (to stage or to remove). */
  copy: string
  facts: DatabaseFacts
  migratedFrom: number | null
}

function removeDbFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true })
}

/** Copies the database out of the backup, checking its SHA-256 on the way. */
async function extract(file: string, header: BackupHeader, copy: string): Promise<void> {
  const input = await open(file, 'r')
  const output = await open(copy, 'wx', 0o600)
  const hash = createHash('sha256')
  try {
    const buffer = Buffer.alloc(1 << 20)
    for (let at = 0; at < header.db.size;) {
      const { bytesRead } = await input.read(
        buffer,
        0,
        Math.min(buffer.length, header.db.size - at),
        BODY_OFFSET + at,
      )
      if (bytesRead === 0) throw appError('validation', 'errors.backup_truncated', { file })
      const chunk = buffer.subarray(0, bytesRead)
      hash.update(chunk)
      await output.write(chunk, 0, bytesRead, at)
      at += bytesRead
    }
    await output.datasync()
  } finally {
    await input.close()
    await output.close()
  }
  if (hash.digest('hex') !== header.db.sha256)
    throw appError('validation', 'errors.backup_damaged', { file })
}

export interface CheckOptions {
  nativeBinding?: string
}

/** Every check a backup must pass before it may replace anything; see the file header. */
export async function checkBackup(
  file: string,
  key: Buffer,
  dataDir: string,
  options: CheckOptions = {},
): Promise<CheckedBackup> {
  const { header, fileSize } = await readBackupHeader(file, key, { requireKey: true })
  if (header.schemaVersion > LATEST_SCHEMA_VERSION)
    throw appError('validation', 'errors.backup_newer', {
      found: header.schemaVersion,
      known: LATEST_SCHEMA_VERSION,
    })
  const copy = join(dataDir, stagingName('restore-check', uuidv7()))
  try {
    await extract(file, header, copy)
    const { lines, facts } = await runSqliteTask(
      { task: 'integrity', file: copy, key },
      options,
    ).done.catch(() => ({ lines: ['unreadable'], facts: {} }))
    if (lines.length !== 1 || lines[0] !== 'ok')
      throw appError('validation', 'errors.backup_damaged', { file })
    let opened
    try {
      opened = openDatabase({
        file: copy,
        key,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      })
    } catch (error) {
      if (error instanceof AppError && error.data.key === 'errors.database_newer') throw error
      throw appError('validation', 'errors.backup_damaged', { file })
    }
    closeDatabase(opened.db)
    const { from, to } = opened.migration
    return {
      file,
      header,
      fileSize,
      copy,
      facts: { ...factsFrom(facts), schemaVersion: Math.max(from, to) },
      migratedFrom: from < to ? from : null,
    }
  } catch (error) {
    removeDbFiles(copy)
    throw error
  }
}

/** Removes a checked copy that will not be staged. */
export function discardCheck(checked: CheckedBackup): void {
  removeDbFiles(checked.copy)
}

export interface CurrentDatabase {
  exists: boolean
  counts: BackupCounts
  lastChangeAt: string | null
  deskId: string | null
}

/** The live database's facts, read on the worker's own connection (the desk keeps working). */
export async function liveFacts(
  databaseFile: string,
  key: Buffer,
  options: CheckOptions = {},
): Promise<DatabaseFacts> {
  const { facts } = await runSqliteTask({ task: 'facts', file: databaseFile, key }, options).done
  return factsFrom(facts)
}

export function currentOf(facts: DatabaseFacts | null): CurrentDatabase {
  return {
    exists: facts !== null,
    counts: facts?.counts ?? { artisans: 0, documents: 0, sessions: 0 },
    lastChangeAt: facts?.lastChangeAt ?? null,
    deskId: facts?.deskId ?? null,
  }
}

/** What the clerk is shown before confirming: the backup against the current database. */
export function previewOf(checked: CheckedBackup, current: CurrentDatabase): RestorePreview {
  const { header } = checked
  return {
    backup: {
      file: checked.file,
      createdAt: header.createdAt,
      appVersion: header.appVersion,
      deskId: header.deskId,
      deskName: header.deskName,
      schemaVersion: header.schemaVersion,
      counts: header.counts,
      lastChangeAt: header.lastChangeAt,
      sizeBytes: checked.fileSize,
    },
    current: {
      exists: current.exists,
      counts: current.counts,
      lastChangeAt: current.lastChangeAt,
    },
    sameDesk: current.deskId === null || current.deskId === header.deskId,
    migratedFrom: checked.migratedFrom,
    schemaVersion: checked.facts.schemaVersion,
  }
}

/**
 * Stages a checked copy to replace the database at the next start; the restored database's
 * own audit log records the restore (who, which backup, what it replaced).
 */
export async function stageRestore(
  checked: CheckedBackup,
  key: Buffer,
  current: CurrentDatabase,
  actor: Actor,
  dataDir: string,
  options: CheckOptions = {},
): Promise<string> {
  const { db } = openDatabase({
    file: checked.copy,
    key,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  try {
    db.transaction(() =>
      appendAudit(
        db,
        actor,
        {
          action: 'backup.restore',
          entityType: 'database',
          entityId: checked.header.deskId,
          before: { counts: current.counts, lastChangeAt: current.lastChangeAt },
          after: {
            file: checked.file,
            createdAt: checked.header.createdAt,
            counts: checked.header.counts,
            schemaVersion: checked.header.schemaVersion,
          },
        },
        nowIso(),
      ),
    )()
  } finally {
    closeDatabase(db)
  }
  const pending = join(dataDir, PENDING_RESTORE)
  await rm(pending, { force: true })
  await rename(checked.copy, pending)
  removeDbFiles(checked.copy)
  return pending
}

export function isRestorePending(dataDir: string): boolean {
  return existsSync(join(dataDir, PENDING_RESTORE))
}

export function discardPendingRestore(dataDir: string): boolean {
  const pending = join(dataDir, PENDING_RESTORE)
  if (!existsSync(pending)) return false
  removeDbFiles(pending)
  return true
}

/** The swap in progress: written whole before the first rename, removed after the last. */
export const RESTORE_SWAP = `${DATABASE_FILE}.restore-swap`

/** The renames of the swap, in order; a test stops the swap before any of them. */
export type SwapStep =
  'old-wal' | 'old-shm' | 'old-db' | 'new-side-files' | 'new-db' | 'marker-removed'

function moveIfThere(from: string, to: string): void {
  if (existsSync(from)) renameSync(from, to)
}

/**
 * The swap, before the database is opened: the current database and its WAL become
 * `sijill.db.before-restore-<time>` (and its `-wal`), the staged copy becomes `sijill.db`.
 * Interrupted at any point (a kill, a power cut), the next start completes it, so the desk
 * opens on the old database or the new one, whole, never a mix:
 * - the marker `sijill.db.restore-swap` is written whole (atomically) before the first
 *   rename, with the name the old database takes, and removed after the last one;
 * - the old database's WAL moves before its main file, and the staged copy takes the live
 *   name last: a WAL is never left beside a database that is not its own;
 * - every step is a rename done only when its source is still there, so a start finding
 *   the marker runs the same steps again with the same names and ends where a whole swap
 *   would have (a staged copy already gone with no live database: the old one comes back).
 */
export function applyPendingRestore(
  dataDir: string,
  now = new Date(),
  beforeStep: (step: SwapStep) => void = () => undefined,
): { beforeRestore: string | null } | null {
  const pending = join(dataDir, PENDING_RESTORE)
  const live = join(dataDir, DATABASE_FILE)
  const marker = join(dataDir, RESTORE_SWAP)
  let recorded: { beforeRestore: string | null } | null = null
  try {
    recorded = JSON.parse(readFileSync(marker, 'utf8')) as { beforeRestore: string | null }
  } catch {
    recorded = null
  }
  if (!recorded) {
    rmSync(marker, { force: true }) // unreadable: never written whole, nothing renamed yet
    if (!existsSync(pending)) return null
    const name = `${BEFORE_RESTORE}${now.toISOString().replace(/[-:.]/g, '')}`
    recorded = { beforeRestore: existsSync(live) ? name : null }
    writeFileAtomic(marker, JSON.stringify(recorded))
  }
  const before = recorded.beforeRestore ? join(dataDir, basename(recorded.beforeRestore)) : null
  let kept = before
  if (existsSync(pending)) {
    if (before) {
      beforeStep('old-wal')
      moveIfThere(`${live}-wal`, `${before}-wal`)
      beforeStep('old-shm')
      rmSync(`${live}-shm`, { force: true })
      beforeStep('old-db')
      moveIfThere(live, before)
    }
    beforeStep('new-side-files')
    rmSync(`${pending}-wal`, { force: true })
    rmSync(`${pending}-shm`, { force: true })
    beforeStep('new-db')
    renameSync(pending, live)
    syncFolder(dataDir)
  } else if (!existsSync(live) && before && existsSync(before)) {
    // the staged copy is gone and no database took its place: the old one comes back
    moveIfThere(`${before}-wal`, `${live}-wal`)
    renameSync(before, live)
    kept = null
  }
  beforeStep('marker-removed')
  rmSync(marker, { force: true })
  syncFolder(dataDir)
  return { beforeRestore: kept }
}

/**
 * The database about to be replaced, read while making sure no desk has it open
 * (Electron, the browser host or another CLI): with any other connection open, an
 * exclusive lock cannot be had. An unreadable database is no obstacle to replacing it.
 */
export function closedDeskFacts(
  databaseFile: string,
  key: Buffer,
): CurrentDatabase & {
  readable: boolean
} {
  if (!existsSync(databaseFile)) return { ...currentOf(null), readable: true }
  const db = new Database(databaseFile)
  try {
    db.pragma(`cipher='${CIPHER}'`)
    db.pragma(`legacy=${CIPHER_LEGACY}`)
    db.pragma(`key="x'${key.toString('hex')}'"`)
    db.pragma('busy_timeout = 0')
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE; COMMIT')
    return { ...currentOf(describeDatabase(db)), readable: true }
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY')
      throw appError('conflict', 'errors.backup_desk_in_use')
    return { ...currentOf(null), exists: true, readable: false }
  } finally {
    db.close()
  }
}
