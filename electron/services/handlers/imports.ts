import type { Handlers } from '../api/router'
import type { Db } from '../database/open'
import { createImportJobs, previewImport } from '../import/jobs'
import type { Logger } from '../log'

export function importHandlers(
  db: Db,
  log: Logger,
): Pick<
  Handlers,
  'import.preview' | 'import.start' | 'import.status' | 'import.decide' | 'import.cancel'
> {
  const jobs = createImportJobs(db, log)
  return {
    'import.preview': (input) => previewImport(input),
    'import.start': (input, ctx) => jobs.start(ctx.actor, input),
    'import.status': (input) => jobs.status(input.jobId),
    'import.decide': (input, ctx) => jobs.decide(ctx.actor, input),
    'import.cancel': (input) => jobs.cancel(input.jobId),
  }
}
