import { z } from 'zod'
import { ListFilterSchema } from '../../artisans/list'
import { LanguageSchema } from '../../settings/language'
import { method } from '../method'
import type { Role } from '../roles'

/**
 * Exporting the filtered artisans list from the screen, as CSV or XLSX: start (a job in
 * the background, refused above the screen's limit), status (progress), file (the bytes,
 * once), cancel. Bulk copies of personal data (law 09-08) are for supervisors and
 * administrators, and each one is audited.
 */
const EXPORTERS: readonly Role[] = ['supervisor', 'administrator']
/** More than this goes through `sijill export` (a file written page by page). */
export const SCREEN_EXPORT_MAX = 200_000
const jobId = z.string().max(64)

export const exportMethods = {
  'export.start': method({
    input: z.object({
      format: z.enum(['csv', 'xlsx']),
      filter: ListFilterSchema.default({}),
      language: LanguageSchema,
    }),
    output: z.object({ jobId: z.string(), total: z.number().int() }),
    roles: EXPORTERS,
    needsSetup: true,
    writes: true,
  }),
  'export.status': method({
    input: z.object({ jobId }),
    output: z.object({
      state: z.enum(['running', 'done', 'cancelled', 'failed']),
      done: z.number().int(),
      total: z.number().int(),
    }),
    roles: EXPORTERS,
    needsSetup: true,
    writes: false,
  }),
  'export.file': method({
    input: z.object({ jobId }),
    output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string() }),
    roles: EXPORTERS,
    needsSetup: true,
    writes: false,
  }),
  'export.cancel': method({
    input: z.object({ jobId }),
    output: z.object({ ok: z.literal(true) }),
    roles: EXPORTERS,
    needsSetup: true,
    writes: false,
  }),
}
