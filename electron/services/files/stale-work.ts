import { PROCESS_STARTED_MS, sweepLeftovers, sweepPartials } from './atomic-write'

/**
 * The desk's own temporary files: a backup's staging copy, a restore's checked copy (each
 * with its SQLite side files), and the `.partial` files of writes. Each job removes its
 * own when it ends in any way; a process killed outright cannot, so every start sweeps
 * what a stopped process left: files of the known patterns written before this process
 * started, whose writer (the pid in the name, when there is one) no longer runs.
 */
export const STAGING_PATTERN =
  /^\.(?:backup-staging|restore-check)-(?:p(\d+)-)?[0-9a-f-]+\.db(?:-journal|-wal|-shm)?$/

/** Temporary key files of earlier versions (`<file>.tmp`, no pid): older than the start. */
export const LEGACY_TEMP_PATTERN = /^(?:sijill\.key|sijill\.key\.sealed|host-token)\.tmp$/

/** A staging copy's name in the data folder, with the pid of the process that owns it. */
export function stagingName(kind: 'backup-staging' | 'restore-check', id: string): string {
  return `.${kind}-p${process.pid}-${id}.db`
}

function sweepStaging(folder: string, startedMs: number): number {
  return sweepLeftovers(
    folder,
    (name) => {
      const match = STAGING_PATTERN.exec(name) ?? LEGACY_TEMP_PATTERN.exec(name)
      if (!match) return undefined
      return match[1] ? Number(match[1]) : null
    },
    startedMs,
  )
}

/** Sweeps the data folder and the given folders (the backups'); returns how many went. */
export function sweepStaleWork(
  dataDir: string,
  folders: string[] = [],
  startedMs = PROCESS_STARTED_MS,
): number {
  let removed = sweepStaging(dataDir, startedMs) + sweepPartials(dataDir, startedMs)
  for (const folder of new Set(folders)) {
    if (folder !== dataDir) removed += sweepPartials(folder, startedMs)
  }
  return removed
}
