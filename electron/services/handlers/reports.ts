import type { Handlers } from '../api/router'
import type { Db } from '../database/open'
import type { Logger } from '../log'
import { dashboard } from '../reports/dashboard'
import { reportDocument } from '../reports/report-document'

/** The reports' methods (shared/api/methods/reports.ts). */
export function reportHandlers(
  db: Db,
  log?: Logger,
): Pick<Handlers, 'reports.dashboard' | 'reports.document'> {
  return {
    'reports.dashboard': (input) => dashboard(db, input.filter),
    'reports.document': (input) => reportDocument(db, input, log ? { log } : {}),
  }
}
