import { z } from 'zod'
import { method } from '../method'
import type { Role } from '../roles'

/**
 * Access requests under law 09-08: everything the desk holds about one artisan (the file,
 * its path, documents issued, sessions, sync state, the audit rows about them), as JSON
 * for machines and as a bilingual PDF for the person. Reading a whole file out for
 * someone is itself audited (`artisan.data_export`), so supervisors and administrators only.
 */
const DATA_PROTECTION: readonly Role[] = ['supervisor', 'administrator']

export const DATA_EXPORT_FORMATS = ['json', 'pdf'] as const
export type DataExportFormat = (typeof DATA_EXPORT_FORMATS)[number]

export const dataProtectionMethods = {
  'artisans.dataExport': method({
    input: z.object({
      artisanId: z.string().min(1).max(64),
      format: z.enum(DATA_EXPORT_FORMATS),
    }),
    output: z.object({
      fileName: z.string(),
      mime: z.string(),
      base64: z.string(),
      warnings: z.array(z.string()),
    }),
    roles: DATA_PROTECTION,
    needsSetup: true,
    writes: true,
  }),
}
