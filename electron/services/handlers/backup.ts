import type { Handlers } from '../api/router'
import type { Backups } from '../backup/service'

/** The backup.* methods of the API, on the desk's backup service. */
export function backupHandlers(
  backups: Backups,
): Pick<
  Handlers,
  | 'backup.status'
  | 'backup.setSettings'
  | 'backup.start'
  | 'backup.jobStatus'
  | 'backup.cancel'
  | 'backup.restorePrepare'
  | 'backup.restoreApply'
  | 'backup.restoreDiscard'
> {
  return {
    'backup.status': () => backups.status(),
    'backup.setSettings': (input, ctx) => backups.setSettings(ctx.actor, input),
    'backup.start': (input, ctx) => backups.start(ctx.actor, input),
    'backup.jobStatus': (input) => backups.jobStatus(input.jobId),
    'backup.cancel': (input) => backups.cancel(input.jobId),
    'backup.restorePrepare': (input) => backups.restorePrepare(input.path),
    'backup.restoreApply': (input, ctx) => backups.restoreApply(ctx.actor, input.path),
    'backup.restoreDiscard': (_input, ctx) => backups.restoreDiscard(ctx.actor),
  }
}
