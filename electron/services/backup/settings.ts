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
 */
const KEY = {
  settings: 'backup.settings',
  last: 'backup.last',
  schedule: 'backup.schedule',
} as const

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  enabled: false,
  folder: null,
  hour: 12,
  keep: 14,
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

/** Records a backup's outcome (and, for the automatic one, the schedule) in one transaction. */
export function recordOutcome(db: Db, actor: Actor, outcome: LastBackup): void {
  if (!db.open) return
  db.transaction(() => {
    const at = nowIso()
    writeSetting(db, actor, at, KEY.last, outcome)
    if (outcome.automatic) {
      const before = scheduleState(db)
      writeSetting(db, actor, at, KEY.schedule, {
        lastAttemptAt: outcome.at,
        lastSuccessAt: outcome.ok ? outcome.at : before.lastSuccessAt,
      })
    }
  })()
}
