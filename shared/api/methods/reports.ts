import { z } from 'zod'
import { EVERY_ROLE, method } from '../method'
import { DashboardFilterSchema, DashboardSchema } from '../../reports/dashboard'
import { ReportRequestSchema } from '../../reports/report'

/**
 * Reports (issue 8). The dashboard's figures are counts only, no names: every role reads
 * them. The report to the ministry (`reports.document`, a month or a quarter as PDF or
 * XLSX) holds the same counts, no names: every role may make it too. The drill-down to the
 * artisans behind a number is the artisans list itself (`artisans.list`, `export.start`,
 * with their own roles) under the filter `shared/reports/drill.ts` gives.
 */
export const reportMethods = {
  'reports.dashboard': method({
    input: z.object({ filter: DashboardFilterSchema }),
    output: DashboardSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'reports.document': method({
    input: ReportRequestSchema,
    output: z.object({ fileName: z.string(), base64: z.string() }),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
}
