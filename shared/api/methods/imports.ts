import { z } from 'zod'
import { IDENTIFICATION_FIELDS } from '../../artisans/identification'
import { LanguageSchema } from '../../settings/language'
import { method } from '../method'
import type { Role } from '../roles'

/**
 * Importing identification lists from the screen: preview (columns recognised, first
 * rows), start (a job running in the background), status (progress, summary, the rows
 * held for a person to decide, the error report), decide (register a held row as a new
 * file, add its CIN to the file without one it matches, or skip it), cancel.
 */
const COUNTER: readonly Role[] = ['clerk', 'supervisor', 'administrator']

/**
 * The largest list imported at once, checked before it is read (CLI, screen, API). A
 * 100,000-row workbook is about 6 MB; the browser host carries a file as base64 in a body
 * of at most 48 MB, which holds 32 MiB of file.
 */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024
const MAX_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4

/** The file as the clerk chose it: CSV as text, or any file (XLSX…) as base64 bytes. */
const FileFields = z.object({
  fileName: z.string().min(1).max(200),
  text: z.string().max(MAX_IMPORT_BYTES).optional(),
  base64: z
    .string()
    .max(MAX_BASE64)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'errors.import_unreadable' })
    .optional(),
})
const oneContent = (f: { text?: string | undefined; base64?: string | undefined }) =>
  (f.text === undefined) !== (f.base64 === undefined)
const FileSchema = FileFields.refine(oneContent, { error: 'errors.import_unreadable' })
const Mapping = z.record(z.string().regex(/^\d+$/), z.enum(IDENTIFICATION_FIELDS))

/**
 * Why a row was held instead of matched or created: a person must decide. `other_cin`: the
 * row resembles a file (same phone and name) that has another CIN; `same_cin_other_*`: the
 * row carries a file's CIN with another family name or birth date; `file_without_cin`: the
 * row, which has a CIN, resembles a file that has none (its CIN would otherwise be lost).
 */
export const HELD_REASONS = [
  'other_cin',
  'same_cin_other_name',
  'same_cin_other_birth',
  'file_without_cin',
] as const
export type HeldReason = (typeof HELD_REASONS)[number]

/** One side of a held row: the row as read, or the file already in the register. */
export const PersonSideSchema = z.object({
  cin: z.string().nullable(),
  firstNameAr: z.string().nullable(),
  lastNameAr: z.string().nullable(),
  firstNameLat: z.string().nullable(),
  lastNameLat: z.string().nullable(),
  phone: z.string().nullable(),
  birthDate: z.string().nullable(),
})
export type PersonSide = z.output<typeof PersonSideSchema>

export const HeldRowSchema = z.object({
  line: z.number().int(),
  reason: z.enum(HELD_REASONS),
  row: PersonSideSchema,
  file: PersonSideSchema.extend({ id: z.string() }),
  /** What a person decided on this screen, if anything yet. */
  decision: z.enum(['registered', 'cin_added', 'skipped']).nullable(),
  /** The file registered from the row, once decided so. */
  createdId: z.string().nullable(),
  /** The CIN added to the file waits for a supervisor's approval (a clerk's identity change). */
  awaitsApproval: z.boolean(),
})
export type HeldRow = z.output<typeof HeldRowSchema>

/** Held rows listed on the screen; the error report lists every one. */
export const MAX_HELD_SHOWN = 200

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
    // The list's content is checked row by row by the import, not refused whole here.
    contentFields: ['text', 'base64'],
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
    contentFields: ['text', 'base64'],
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
      held: z.number().int(),
      /** The first held rows (MAX_HELD_SHOWN), with both sides, for a person to decide. */
      heldRows: z.array(HeldRowSchema),
      dryRun: z.boolean(),
      report: z.string().nullable(),
    }),
    roles: COUNTER,
    needsSetup: true,
    writes: false,
  }),
  'import.decide': method({
    input: z.object({
      jobId: z.string().max(64),
      line: z.number().int().positive(),
      /**
       * `register`: a new file from the row (its CIN free, the two files marked as different
       * people); `add_cin`: the row's CIN written into the file without one it matches
       * (`file_without_cin` only; a correction of that file, audited and approved like a
       * clerk's edit); `skip`: nothing written. A dry run takes `skip` only.
       */
      decision: z.enum(['register', 'add_cin', 'skip']),
    }),
    output: HeldRowSchema,
    roles: COUNTER,
    needsSetup: true,
    writes: true,
  }),
  'import.cancel': method({
    input: z.object({ jobId: z.string().max(64) }),
    output: z.object({ ok: z.literal(true) }),
    roles: COUNTER,
    needsSetup: true,
    writes: false,
  }),
}
