import { existsSync } from 'node:fs'
import { AppError, appError } from '@shared/errors'

/**
 * A failed backup in words the administrator can act on: the folder is gone (USB drive
 * removed, network folder unreachable), the disk is full, or something else (with the
 * system's code, for IT). Decided by what the folder looks like after the failure, so a
 * drive pulled out mid-copy reads "folder missing" whatever error the write gave.
 */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL'])

export function backupFailure(error: unknown, folder: string): AppError {
  if (error instanceof AppError) return error
  if (!existsSync(folder)) return appError('validation', 'errors.backup_folder_missing', { folder })
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && DISK_FULL.has(code))
    return appError('validation', 'errors.backup_disk_full', { folder })
  return appError('internal', 'errors.backup_failed', {
    reason: typeof code === 'string' ? code : error instanceof Error ? error.message : 'unknown',
  })
}
