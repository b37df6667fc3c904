import { createHmac, hkdfSync } from 'node:crypto'
import { open } from 'node:fs/promises'
import { z } from 'zod'
import { BackupCountsSchema } from '@shared/api/methods/backup'
import { appError } from '@shared/errors'

/**
 * The file format of a Sijill backup. The database inside is the desk's own encrypted
 * SQLite file (SQLCipher v4, same key), so a backup is no more readable than the desk's
 * database; in front of it, a header in plain JSON lets a folder of backups be listed
 * (date, desk, schema version, counts) without the key and without opening the database:
 *
 *   0   8 bytes   "SIJILLBK"
 *   8   u32 BE    format version (1)
 *   12  u32 BE    header space N (HEADER_SPACE)
 *   16  32 bytes  HMAC-SHA256 of bytes 0..16 and the header space, keyed from the desk key
 *   48  N bytes   header JSON, padded with spaces
 *   48+N          the database file (`db.size` bytes, SHA-256 `db.sha256`)
 *
 * The HMAC tells a backup made with this desk's key from a forged or foreign header; the
 * size and SHA-256 tell a truncated or damaged copy before anything is opened.
 */
export const MAGIC = Buffer.from('SIJILLBK', 'ascii')
export const FORMAT_VERSION = 1
export const HEADER_SPACE = 4096
export const PREFIX_BYTES = 48
export const BODY_OFFSET = PREFIX_BYTES + HEADER_SPACE
export const BACKUP_EXTENSION = '.sijill-backup'

export const BackupHeaderSchema = z.object({
  app: z.literal('Sijill'),
  appVersion: z.string(),
  createdAt: z.string(),
  deskId: z.string(),
  deskName: z.string().nullable(),
  schemaVersion: z.number().int().min(0),
  counts: BackupCountsSchema,
  lastChangeAt: z.string().nullable(),
  db: z.object({ size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
})
export type BackupHeader = z.infer<typeof BackupHeaderSchema>

/** A key for header MACs only, derived from the database key (never the key itself). */
function macKey(dbKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'sijill backup header v1', 32))
}

function mac(dbKey: Buffer, fixed: Buffer, space: Buffer): Buffer {
  return createHmac('sha256', macKey(dbKey)).update(fixed).update(space).digest()
}

/** The 48 + HEADER_SPACE bytes written in front of the database. */
export function encodePrefix(header: BackupHeader, dbKey: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  if (json.length > HEADER_SPACE) throw new Error('backup header does not fit its space')
  const space = Buffer.alloc(HEADER_SPACE, 0x20)
  json.copy(space)
  const fixed = Buffer.alloc(16)
  MAGIC.copy(fixed, 0)
  fixed.writeUInt32BE(FORMAT_VERSION, 8)
  fixed.writeUInt32BE(HEADER_SPACE, 12)
  return Buffer.concat([fixed, mac(dbKey, fixed, space), space])
}

export interface ReadHeader {
  header: BackupHeader
  fileSize: number
  /** Whether the header was written with `dbKey` (null when no key was given). */
  sameKey: boolean | null
}

/**
 * Reads and checks a backup's header: recognised, complete, and (given the key) made with
 * it. Throws `errors.backup_not_sijill`, `errors.backup_truncated`, `errors.backup_newer_format`
 * or `errors.backup_wrong_key`.
 */
export async function readBackupHeader(
  file: string,
  dbKey: Buffer | null,
  options: { requireKey?: boolean } = {},
): Promise<ReadHeader> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch {
    throw appError('not_found', 'errors.backup_file_missing', { file })
  }
  try {
    const { size: fileSize, isFile } = await handle.stat().then((s) => ({
      size: s.size,
      isFile: s.isFile(),
    }))
    if (!isFile) throw appError('validation', 'errors.backup_not_sijill', { file })
    const prefix = Buffer.alloc(PREFIX_BYTES)
    const { bytesRead } = await handle.read(prefix, 0, PREFIX_BYTES, 0)
    if (bytesRead < MAGIC.length || !prefix.subarray(0, MAGIC.length).equals(MAGIC))
      throw appError('validation', 'errors.backup_not_sijill', { file })
    if (bytesRead < PREFIX_BYTES) throw appError('validation', 'errors.backup_truncated', { file })
    const version = prefix.readUInt32BE(8)
    const spaceBytes = prefix.readUInt32BE(12)
    if (version > FORMAT_VERSION)
      throw appError('validation', 'errors.backup_newer_format', { file })
    if (version < 1 || spaceBytes > 1 << 20)
      throw appError('validation', 'errors.backup_not_sijill', { file })
    const space = Buffer.alloc(spaceBytes)
    const got = await handle.read(space, 0, spaceBytes, PREFIX_BYTES)
    if (got.bytesRead < spaceBytes)
      throw appError('validation', 'errors.backup_truncated', { file })
    let header: BackupHeader
    try {
      header = BackupHeaderSchema.parse(JSON.parse(space.toString('utf8').trimEnd()))
    } catch {
      throw appError('validation', 'errors.backup_not_sijill', { file })
    }
    let sameKey: boolean | null = null
    if (dbKey) {
      sameKey = mac(dbKey, prefix.subarray(0, 16), space).equals(prefix.subarray(16, 48))
      if (!sameKey && options.requireKey)
        throw appError('validation', 'errors.backup_wrong_key', { file })
    }
    if (fileSize < PREFIX_BYTES + spaceBytes + header.db.size)
      throw appError('validation', 'errors.backup_truncated', { file })
    if (fileSize > PREFIX_BYTES + spaceBytes + header.db.size)
      throw appError('validation', 'errors.backup_damaged', { file })
    return { header, fileSize, sameKey }
  } finally {
    await handle.close()
  }
}

/**
 * The dated file name of a backup, in the desk's local time to the minute:
 * `sijill-<desk>-2026-12-08-1430.sijill-backup` — sorts by time, says which desk; a
 * second backup in the same minute is `…-1430-2.sijill-backup` (`n`). The exact instant
 * is in the header.
 */
export function backupFileName(deskId: string, createdAt: string, n = 1): string {
  const d = new Date(createdAt)
  const two = (v: number) => String(v).padStart(2, '0')
  const day = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`
  const suffix = n > 1 ? `-${n}` : ''
  return `sijill-${deskId.slice(-8)}-${day}-${two(d.getHours())}${two(d.getMinutes())}${suffix}${BACKUP_EXTENSION}`
}
