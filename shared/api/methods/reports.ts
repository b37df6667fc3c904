import { z } from 'zod'
import { EVERY_ROLE, method } from '../method'
import { DashboardFilterSchema, DashboardSchema } from '../../reports/dashboard'

/**
 * Reports (issue 8). The dashboard's figures are counts only, no names: every role reads
 * them on the home screen. (The drill-down to the artisans behind a number will be its own
 * method, with narrower roles.)
 */
export const reportMethods = {
  'reports.dashboard': method({
    input: z.object({ filter: DashboardFilterSchema }),
    output: DashboardSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
}
