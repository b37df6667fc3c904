import type { BackupSettings } from '@shared/api/methods/backup'
import type { ScheduleState } from './settings'

/**
 * When the daily automatic backup is due: once a day at the chosen hour (desk's local
 * time), or at the first look after that hour when the desk was off or the backup failed
 * (a missing USB drive is tried again an hour later, not every minute). A folder is always
 * there to back up into: the chosen one, or the data folder's own `backups/`.
 */
export const RETRY_MS = 3_600_000

/** The latest daily slot at or before `now`. */
export function lastSlot(now: Date, hour: number): Date {
  const slot = new Date(now)
  slot.setHours(hour, 0, 0, 0)
  if (slot > now) slot.setDate(slot.getDate() - 1)
  return slot
}

export function isDue(now: Date, settings: BackupSettings, state: ScheduleState): boolean {
  if (!settings.enabled) return false
  const slot = lastSlot(now, settings.hour)
  if (state.lastSuccessAt && new Date(state.lastSuccessAt) >= slot) return false
  if (state.lastAttemptAt && now.getTime() - new Date(state.lastAttemptAt).getTime() < RETRY_MS)
    return false
  return true
}

export function nextDueAt(now: Date, settings: BackupSettings, state: ScheduleState): Date | null {
  if (!settings.enabled) return null
  if (isDue(now, settings, state)) return now
  const slot = lastSlot(now, settings.hour)
  if (state.lastSuccessAt && new Date(state.lastSuccessAt) >= slot) {
    const next = new Date(slot)
    next.setDate(next.getDate() + 1)
    next.setHours(settings.hour, 0, 0, 0)
    return next
  }
  return new Date(new Date(state.lastAttemptAt ?? now).getTime() + RETRY_MS)
}

/** Looks every `intervalMs` (first after `firstMs`) and calls `check`; returns the stop. */
export function startSchedule(
  check: () => void,
  { intervalMs = 60_000, firstMs = 30_000 }: { intervalMs?: number; firstMs?: number } = {},
): () => void {
  const first = setTimeout(check, firstMs)
  const timer = setInterval(check, intervalMs)
  first.unref()
  timer.unref()
  return () => {
    clearTimeout(first)
    clearInterval(timer)
  }
}
