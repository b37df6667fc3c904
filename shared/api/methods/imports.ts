import { z } from 'zod'
import { IDENTIFICATION_FIELDS } from '../../artisans/identification'
import { LanguageSchema } from '../../settings/language'
import { method } from '../method'
import type { Role } from '../roles'

/**
 * Importing identification lists from the screen: preview (columns recognised, first
 * rows), start (a job running in the background), status (progress, summary, the error
 * report), cancel.
 */
const COUNTER: readonly Role[] = ['clerk', 'supervisor', 'administrator']
/**
 * The file as the clerk chose it: CSV as text, or any file (XLSX…) as base64 bytes.
 * 40 MB of CSV is several hundred thousand rows; an XLSX of that size far more.
 */
const FileFields = z.object({
  fileName: z.string().min(1).max(200),
  text: z.string().max(40_000_000).optional(),
  base64: z
    .string()
    .max(40_000_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'errors.import_unreadable' })
    .optional(),
})
const oneContent = (f: { text?: string | undefined; base64?: string | undefined }) =>
  (f.text === undefined) !== (f.base64 === undefined)
const FileSchema = FileFields.refine(oneContent, { error: 'errors.import_unreadable' })
const Mapping = z.record(z.string().regex(/^\d+$/), z.enum(IDENTIFICATION_FIELDS))

export const importMethods = {
  'import.preview': method({
    input: FileSchema,
    output: z.object({
      header: z.array(z.string()),
      mapping: Mapping,
      sample: z.array(z.array(z.string())),
      rows: z.number().int(),
    }),
    roles: COUNTER,
    needsSetup: true,
    writes: false,
  }),
  'import.start': method({
    input: FileFields.extend({
      mapping: Mapping,
      dryRun: z.boolean().default(false),
      language: LanguageSchema,
    }).refine(oneContent, { error: 'errors.import_unreadable' }),
    output: z.object({ jobId: z.string() }),
    roles: COUNTER,
    needsSetup: true,
    writes: true,
  }),
  'import.status': method({
    input: z.object({ jobId: z.string().max(64) }),
    output: z.object({
      state: z.enum(['running', 'done', 'cancelled', 'failed']),
      done: z.number().int(),
      total: z.number().int(),
      created: z.number().int(),
      matched: z.number().int(),
      rejected: z.number().int(),
      empty: z.number().int(),
      report: z.string().nullable(),
    }),
    roles: COUNTER,
    needsSetup: true,
    writes: false,
  }),
  'import.cancel': method({
    input: z.object({ jobId: z.string().max(64) }),
    output: z.object({ ok: z.literal(true) }),
    roles: COUNTER,
    needsSetup: true,
    writes: false,
  }),
}
