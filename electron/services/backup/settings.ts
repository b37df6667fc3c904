import { chmodSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { BackupSettings, LastBackup } from '@shared/api/methods/backup'
import type { Actor } from '@shared/api/roles'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { readSetting, writeSetting } from '../settings/settings-store'

/**
 * Backup settings and outcomes, kept in the desk's settings table (audited like every
 * setting): the folder, whether the daily backup runs, its hour and how many to keep; the
 * last backup's result; and when the automatic backup last ran and last succeeded, which
 * decides when it is next due.
 *
 * The safe default (issue 16): the daily backup is on from the first start, at 12:00, into
 * the data folder's own `backups/` folder (made 0700), keeping the newest 7 — until an
 * administrator chooses a USB drive or a network folder. A desk that never saved its
 * backup settings (new, or older than this default) gets it; a desk whose administrator
 * switched the backup off stays off.
 */
const KEY = {
  settings: 'backup.settings',
  last: 'backup.last',
  schedule: 'backup.schedule',
} as const

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  enabled: true,
  folder: null,
  hour: 12,
  keep: 7,
}

/** The folder used while none is chosen: `backups/` inside the desk's data folder. */
export function defaultBackupFolder(dataDir: string): string {
  return join(resolve(dataDir), 'backups')
}

/** The folder the backups go to: the chosen one, else the default. */
export function backupFolder(settings: BackupSettings, dataDir: string): string {
  return settings.folder ? resolve(settings.folder) : defaultBackupFolder(dataDir)
}

/** Makes the default folder when missing, readable by the desk's OS account only (0700). */
export function ensureDefaultFolder(dataDir: string): string {
  const folder = defaultBackupFolder(dataDir)
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  if (process.platform !== 'win32') chmodSync(folder, 0o700)
  return folder
}

export interface ScheduleState {
  lastAttemptAt: string | null
  lastSuccessAt: string | null
}

export function backupSettings(db: Db): BackupSettings {
  return { ...DEFAULT_BACKUP_SETTINGS, ...readSetting<Partial<BackupSettings>>(db, KEY.settings) }
}

export function setBackupSettings(db: Db, actor: Actor, input: BackupSettings): BackupSettings {
  const value: BackupSettings = { ...input, folder: input.folder?.trim() || null }
  db.transaction(() => writeSetting(db, actor, nowIso(), KEY.settings, value))()
  return value
}

export function lastBackup(db: Db): LastBackup | null {
  return readSetting<LastBackup>(db, KEY.last) ?? null
}

export function scheduleState(db: Db): ScheduleState {
  return (
    readSetting<ScheduleState>(db, KEY.schedule) ?? { lastAttemptAt: null, lastSuccessAt: null }
  )
}

/**
 * Records a backup's outcome and the schedule in one transaction: the automatic backup's
 * attempt and success, and a backup made by hand into the backups' folder as the day's
 * backup (no second one that day); a backup by hand elsewhere, or one that failed, leaves
 * the schedule as it was.
 */
export function recordOutcome(
  db: Db,
  actor: Actor,
  outcome: LastBackup,
  intoBackupFolder = outcome.automatic,
): void {
  if (!db.open) return
  db.transaction(() => {
    const at = nowIso()
    writeSetting(db, actor, at, KEY.last, outcome)
    const before = scheduleState(db)
    if (outcome.automatic)
      writeSetting(db, actor, at, KEY.schedule, {
        lastAttemptAt: outcome.at,
        lastSuccessAt: outcome.ok ? outcome.at : before.lastSuccessAt,
      })
    else if (outcome.ok && intoBackupFolder)
      writeSetting(db, actor, at, KEY.schedule, { ...before, lastSuccessAt: outcome.at })
  })()
}
