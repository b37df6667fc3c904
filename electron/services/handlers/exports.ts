import type { Handlers } from '../api/router'
import { createExportJobs } from '../artisans/export-jobs'
import type { Db } from '../database/open'
import type { Logger } from '../log'

export function exportHandlers(
  db: Db,
  log: Logger,
): Pick<Handlers, 'export.start' | 'export.status' | 'export.file' | 'export.cancel'> {
  const jobs = createExportJobs(db, log)
  return {
    'export.start': (input, ctx) => jobs.start(ctx.actor, input),
    'export.status': (input) => jobs.status(input.jobId),
    'export.file': (input) => jobs.file(input.jobId),
    'export.cancel': (input) => jobs.cancel(input.jobId),
  }
}
