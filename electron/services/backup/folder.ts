import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { BackupFile } from '@shared/api/methods/backup'
import { AppError, appError } from '@shared/errors'
import { BACKUP_EXTENSION, readBackupHeader } from './format'

/**
 * The backups in a folder, newest first, read from their headers only; and retention:
 * keep the newest N backups of this desk. Only files that are Sijill backups of this desk
 * made with its key are ever deleted — an administrator's other files, another desk's
 * backups and anything unreadable stay where they are.
 */
export async function listBackups(
  folder: string,
  deskId: string,
  key: Buffer,
): Promise<BackupFile[]> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    throw appError('validation', 'errors.backup_folder_missing', { folder })
  }
  const found: BackupFile[] = []
  for (const name of names) {
    if (!name.endsWith(BACKUP_EXTENSION) || name.startsWith('.')) continue
    const file = join(folder, name)
    try {
      const { header, fileSize, sameKey } = await readBackupHeader(file, key)
      found.push({
        file,
        name,
        createdAt: header.createdAt,
        sizeBytes: fileSize,
        schemaVersion: header.schemaVersion,
        counts: header.counts,
        ofThisDesk: sameKey === true && header.deskId === deskId,
      })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      // not a readable backup: not listed, never deleted
    }
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** Temporary files of backups that never finished (a crash mid-copy), after a day. */
const STALE_PARTIAL_MS = 24 * 3600_000

export async function applyRetention(
  folder: string,
  deskId: string,
  key: Buffer,
  keep: number,
  now = Date.now(),
): Promise<string[]> {
  const mine = (await listBackups(folder, deskId, key)).filter((b) => b.ofThisDesk)
  const removed: string[] = []
  for (const old of mine.slice(keep)) {
    await rm(old.file, { force: true })
    removed.push(old.file)
  }
  for (const name of await readdir(folder)) {
    if (!name.startsWith('.sijill-') || !name.endsWith('.partial')) continue
    const file = join(folder, name)
    const { mtimeMs } = await stat(file)
    if (now - mtimeMs > STALE_PARTIAL_MS) await rm(file, { force: true })
  }
  return removed
}
