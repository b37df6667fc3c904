import type { Handlers } from '../api/router'
import type { Db } from '../database/open'
import { dashboard } from '../reports/dashboard'

/** The reports' methods (shared/api/methods/reports.ts). */
export function reportHandlers(db: Db): Pick<Handlers, 'reports.dashboard'> {
  return {
    'reports.dashboard': (input) => dashboard(db, input.filter),
  }
}
