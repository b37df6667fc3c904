import type { Handlers } from '../api/router'
import type { Db } from '../database/open'
import type { Logger } from '../log'
import { appError } from '@shared/errors'
import { RegistryError } from '../sync/client'
import { describeFailure, type SyncEngine } from '../sync/engine'
import { openConflicts, resolveConflict } from '../sync/conflicts'
import { resendFile } from '../sync/resend'
import { readSyncLog } from '../sync/sync-log'
import { recordSyncState, rejectedOperations, syncStatus } from '../sync/status'

/** A registry failure as a translated error the router passes on (not an internal one). */
async function asAppError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error
    const failure = describeFailure(error)
    throw appError(
      error.kind === 'refused' ? 'validation' : 'conflict',
      failure.key,
      failure.params,
    )
  }
}

export function syncHandlers(
  db: Db,
  engine: SyncEngine,
  log: Logger,
): Pick<
  Handlers,
  | 'sync.status'
  | 'sync.enrol'
  | 'sync.now'
  | 'sync.stop'
  | 'sync.log'
  | 'sync.rejected'
  | 'sync.recordState'
  | 'sync.conflicts'
  | 'sync.resolve'
  | 'sync.resend'
> {
  return {
    'sync.status': () => ({ ...syncStatus(db), running: engine.running() }),
    'sync.enrol': (input, ctx) => asAppError(engine.enrol(ctx.actor, input)),
    'sync.now': async (input) => {
      if (engine.running()) return { started: false, progress: engine.running() }
      const run = engine.syncOnce({ force: true })
      if (input.wait) return { started: true, progress: await asAppError(run) }
      // In the background: the outcome is in the status and the log.
      run.catch((error: unknown) => log.info(`sync: ${String((error as Error)?.message ?? error)}`))
      return { started: true, progress: null }
    },
    'sync.stop': () => {
      engine.stop()
      return { ok: true as const }
    },
    'sync.log': (input) => readSyncLog(db, input.limit, { attention: input.attention }),
    'sync.rejected': () => rejectedOperations(db),
    'sync.recordState': (input) => recordSyncState(db, input.artisanId),
    'sync.conflicts': () => openConflicts(db),
    'sync.resolve': (input, ctx) => resolveConflict(db, ctx.actor, input.id, input.keepLocal),
    'sync.resend': (input, ctx) => resendFile(db, ctx.actor, input.artisanId),
  }
}
