import { createHash } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { appError } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import type { Db } from '../database/open'
import { partialPath } from '../files/atomic-write'
import { stagingName } from '../files/stale-work'
import { factsFrom, type DatabaseFacts, type FactValues } from './describe'
import { backupFailure } from './errors'
import {
  BACKUP_EXTENSION,
  BODY_OFFSET,
  backupFileName,
  encodePrefix,
  type BackupHeader,
} from './format'
import { runSqliteTask } from './sqlite-worker'

/**
 * Takes a backup while the desk keeps working. A worker thread copies the live database
 * with `VACUUM INTO` — one read transaction, so the copy is the database as it was at one
 * instant even while the counter saves files — into a staging file beside the database
 * (encrypted with the same key). The copy is then written into the target folder under a
 * temporary name, behind its header, and renamed only once complete and synced: a folder
 * that disappears or a disk that fills up leaves no half backup, and the live database is
 * only ever read.
 */
export interface BackupSource {
  /** The desk's connection: only read, for the size of the copy to come. */
  db: Db
  databaseFile: string
  /** Where the staging copy is made (the desk's data folder). */
  dataDir: string
  key: Buffer
  appVersion: string
  nativeBinding?: string
}

export type BackupTarget = { folder: string } | { file: string }

export interface BackupProgress {
  phase: 'snapshot' | 'copy'
  percent: number
}

/** Where the backup is written; tests give one that fails like a full disk. */
export interface BackupSink {
  write(bytes: Buffer, position: number): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

export interface BackupRunOptions {
  onProgress?: (p: BackupProgress) => void
  signal?: AbortSignal
  openSink?: (path: string) => Promise<BackupSink>
  now?: () => Date
}

export interface BackupResult {
  file: string
  sizeBytes: number
  header: BackupHeader
}

const CHUNK = 1 << 20
const POLL_MS = 200

async function fileSink(path: string): Promise<BackupSink> {
  const handle = await open(path, 'wx', 0o600)
  return {
    write: async (bytes, position) => {
      await handle.write(bytes, 0, bytes.length, position)
    },
    sync: () => handle.datasync(),
    close: () => handle.close(),
  }
}

function cancelled(): Error {
  return appError('conflict', 'errors.backup_cancelled')
}

/** Sizes the copy to come (pages in use) so the snapshot phase can show progress. */
function expectedBytes(db: Db): number {
  const pages = db.pragma('page_count', { simple: true }) as number
  const free = db.pragma('freelist_count', { simple: true }) as number
  const size = db.pragma('page_size', { simple: true }) as number
  return Math.max(1, (pages - free) * size)
}

/** Step 1: the consistent, encrypted copy in the staging file, and what it holds. */
async function snapshot(
  source: BackupSource,
  staging: string,
  options: BackupRunOptions,
): Promise<DatabaseFacts> {
  const expected = expectedBytes(source.db)
  const task = runSqliteTask(
    { task: 'vacuum', file: source.databaseFile, key: source.key, out: staging },
    source.nativeBinding ? { nativeBinding: source.nativeBinding } : {},
  )
  const timer = setInterval(() => {
    if (options.signal?.aborted) void task.stop()
    const size = existsSync(staging) ? statSync(staging).size : 0
    options.onProgress?.({ phase: 'snapshot', percent: Math.min(49, (50 * size) / expected) })
  }, POLL_MS)
  let facts: FactValues
  try {
    ;({ facts } = await task.done)
  } catch (error) {
    if (options.signal?.aborted) throw cancelled()
    throw backupFailure(error, source.dataDir)
  } finally {
    clearInterval(timer)
  }
  if (options.signal?.aborted) throw cancelled()
  return factsFrom(facts)
}

/** Step 2: header + copy into `partial`, hashed on the way, synced. */
async function writeBackup(
  staging: string,
  partial: string,
  header: Omit<BackupHeader, 'db'>,
  key: Buffer,
  options: BackupRunOptions,
): Promise<BackupHeader> {
  const sink = await (options.openSink ?? fileSink)(partial)
  let closed = false
  try {
    const input = await open(staging, 'r')
    const size = (await input.stat()).size
    const hash = createHash('sha256')
    try {
      await sink.write(Buffer.alloc(BODY_OFFSET), 0)
      const buffer = Buffer.alloc(CHUNK)
      for (let at = 0; at < size;) {
        if (options.signal?.aborted) throw cancelled()
        const { bytesRead } = await input.read(buffer, 0, CHUNK, at)
        if (bytesRead === 0) break
        const chunk = buffer.subarray(0, bytesRead)
        hash.update(chunk)
        await sink.write(chunk, BODY_OFFSET + at)
        at += bytesRead
        options.onProgress?.({ phase: 'copy', percent: 50 + (50 * at) / size })
      }
    } finally {
      await input.close()
    }
    const full: BackupHeader = { ...header, db: { size, sha256: hash.digest('hex') } }
    await sink.write(encodePrefix(full, key), 0)
    await sink.sync()
    closed = true
    await sink.close()
    return full
  } finally {
    if (!closed) await sink.close().catch(() => undefined)
  }
}

/**
 * The backup's name in the folder: `-2`, `-3`… after the minute's name when it is taken,
 * always after the highest number of that minute (even once older ones were rotated out),
 * so that names keep sorting by time.
 */
function freeName(folder: string, deskId: string, createdAt: string): string {
  const first = backupFileName(deskId, createdAt)
  const stem = first.slice(0, -BACKUP_EXTENSION.length)
  let last = 0
  for (const name of readdirSync(folder)) {
    if (name === first) last = Math.max(last, 1)
    const n = name.startsWith(`${stem}-`) && name.endsWith(BACKUP_EXTENSION)
    if (n) last = Math.max(last, Number(name.slice(stem.length + 1, -BACKUP_EXTENSION.length)) || 0)
  }
  return join(folder, backupFileName(deskId, createdAt, last + 1))
}

/** Makes the rename durable where the OS allows (not on Windows: directories can't be opened). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const dir = await open(folder, 'r')
    await dir.sync().finally(() => dir.close())
  } catch {
    // best effort
  }
}

export async function takeBackup(
  source: BackupSource,
  target: BackupTarget,
  options: BackupRunOptions = {},
): Promise<BackupResult> {
  const createdAt = (options.now?.() ?? new Date()).toISOString()
  const folder = 'folder' in target ? target.folder : dirname(target.file)
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw appError('validation', 'errors.backup_folder_missing', { folder })
  if ('file' in target && existsSync(target.file))
    throw appError('conflict', 'errors.backup_target_exists', { file: target.file })

  const id = uuidv7()
  const staging = join(source.dataDir, stagingName('backup-staging', id))
  let partial: string | null = null
  try {
    const facts = await snapshot(source, staging, options)
    const deskId = facts.deskId ?? 'unknown'
    const named = 'folder' in target ? join(folder, backupFileName(deskId, createdAt)) : target.file
    partial = partialPath(named)
    const header = await writeBackup(
      staging,
      partial,
      {
        app: 'Sijill',
        appVersion: source.appVersion,
        createdAt,
        deskId,
        deskName: facts.deskName,
        schemaVersion: facts.schemaVersion,
        counts: facts.counts,
        lastChangeAt: facts.lastChangeAt,
      },
      source.key,
      options,
    ).catch((error: unknown) => {
      throw backupFailure(error, folder)
    })
    // Never over another file: a backup of the same minute takes the next free name.
    let final = named
    if ('folder' in target)
      try {
        final = freeName(folder, deskId, createdAt)
      } catch (error) {
        throw backupFailure(error, folder)
      }
    await rename(partial, final).catch((error: unknown) => {
      throw backupFailure(error, folder)
    })
    partial = null
    await syncFolder(folder)
    return { file: final, sizeBytes: BODY_OFFSET + header.db.size, header }
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm'])
      await rm(`${staging}${suffix}`, { force: true }).catch(() => undefined)
    if (partial) await rm(partial, { force: true }).catch(() => undefined)
  }
}
