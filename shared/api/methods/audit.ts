import { z } from 'zod'
import { method } from '../method'
import type { Role } from '../roles'

/**
 * The audit log as supervisors and administrators read it (issue 7): filtered pages newest
 * first, the people who appear in it (for the user filter), the proof that the hash chain
 * is intact (or its first broken link), and a CSV or JSON copy of a selection. Reading the
 * log shows who did what to whom, so it is not for the counter's clerks.
 */
export const AUDITORS: readonly Role[] = ['supervisor', 'administrator']

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
const text = (max: number) => z.string().trim().max(max)

/**
 * `action` matches an action and everything under it: `artisan` finds `artisan.register`
 * and `artisan.step.rna_submitted`; `artisan.update` finds exactly that action.
 * `artisanId` finds the rows about the file, its documents, its check-ins and the imports
 * and registry pages that created or changed it.
 */
export const AuditFilterSchema = z.object({
  actorId: text(100).min(1).optional(),
  from: day.optional(),
  to: day.optional(),
  artisanId: text(64).min(1).optional(),
  entityType: text(40).min(1).optional(),
  entityId: text(100).min(1).optional(),
  action: text(80).min(1).optional(),
  text: text(100).min(1).optional(),
})
export type AuditFilter = z.infer<typeof AuditFilterSchema>

export const AuditRowSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** The fields whose value differs between before and after (objects only). */
  changed: z.array(z.string()),
})
export type AuditRow = z.infer<typeof AuditRowSchema>

export const AuditPageSchema = z.object({
  items: z.array(AuditRowSchema),
  /** Pass as `before` for the next (older) page; null at the end of the log. */
  next: z.number().int().nullable(),
})
export type AuditPage = z.infer<typeof AuditPageSchema>

export const AuditVerdictSchema = z.object({
  intact: z.boolean(),
  /** Rows checked (up to and including the broken one). */
  count: z.number().int(),
  broken: z
    .object({
      seq: z.number().int(),
      id: z.string().nullable(),
      at: z.string().nullable(),
      /** hash: the row was changed; link: rows before it were removed or reordered; truncated: the newest rows were removed. */
      reason: z.enum(['hash', 'link', 'truncated']),
      /** The row before it that still checks out (null when it is the first row). */
      previousSeq: z.number().int().nullable(),
    })
    .nullable(),
})
export type AuditVerdictView = z.infer<typeof AuditVerdictSchema>

export const AUDIT_EXPORT_FORMATS = ['csv', 'json'] as const
/** More rows than this go through `sijill audit export` (written to a file as it goes). */
export const SCREEN_AUDIT_EXPORT_MAX = 50_000

export const auditMethods = {
  'audit.list': method({
    input: z.object({
      filter: AuditFilterSchema.default({}),
      before: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: AuditPageSchema,
    roles: AUDITORS,
    needsSetup: true,
    writes: false,
  }),
  'audit.actors': method({
    input: z.object({}).strict(),
    output: z.array(z.object({ id: z.string(), name: z.string() })),
    roles: AUDITORS,
    needsSetup: true,
    writes: false,
  }),
  'audit.verify': method({
    input: z.object({}).strict(),
    output: AuditVerdictSchema,
    roles: AUDITORS,
    needsSetup: true,
    writes: false,
  }),
  'audit.export': method({
    input: z.object({
      format: z.enum(AUDIT_EXPORT_FORMATS),
      filter: AuditFilterSchema.default({}),
    }),
    output: z.object({
      fileName: z.string(),
      mime: z.string(),
      base64: z.string(),
      rows: z.number().int(),
    }),
    roles: AUDITORS,
    needsSetup: true,
    // Copying the log (names, CINs in before/after) is itself recorded.
    writes: true,
  }),
}
