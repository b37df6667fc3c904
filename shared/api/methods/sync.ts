import { z } from 'zod'
import { EVERY_ROLE, method } from '../method'

/**
 * Sync with the national registry: the desk's state (link, last runs, outbox, refusals,
 * conflicts), enrolment (administrators), "Sync now" and stop (anyone at the desk), the
 * log, what the registry refused, and one file's own sync state.
 */
const LastRunSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  error: z
    .object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
    .optional(),
})

const ProgressSchema = z.object({
  phase: z.enum(['connecting', 'reference', 'push', 'pull']),
  push: z.object({
    applied: z.number(),
    rejected: z.number(),
    conflicts: z.number(),
    merged: z.number(),
  }),
  pull: z.object({
    pages: z.number(),
    created: z.number(),
    updated: z.number(),
    deleted: z.number(),
    notices: z.number(),
  }),
})

export const SyncStatusSchema = z.object({
  enrolled: z.boolean(),
  registryUrl: z.string().nullable(),
  deskCode: z.string().nullable(),
  chamberCode: z.string().nullable(),
  enrolledAt: z.string().nullable(),
  pending: z.number().int(),
  /** Of `pending`, the operations held until a supervisor approves their file. */
  heldForApproval: z.number().int(),
  rejected: z.number().int(),
  conflicts: z.number().int(),
  lastRun: LastRunSchema.nullable(),
  lastSuccessAt: z.string().nullable(),
  running: ProgressSchema.nullable(),
})
export type SyncStatusView = z.infer<typeof SyncStatusSchema>

const RegistryUrlSchema = z
  .string()
  .trim()
  .max(300)
  .refine((s) => /^https?:\/\/[^\s/]+(\/\S*)?$/.test(s), { error: 'validation.url' })

const Reason = z.object({ code: z.string(), message: z.string() })

export const syncMethods = {
  'sync.status': method({
    input: z.object({}).strict(),
    output: SyncStatusSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'sync.enrol': method({
    input: z.object({
      registryUrl: RegistryUrlSchema,
      chamberCode: z.string().regex(/^\d{2}$/, { error: 'validation.chamber_code' }),
      enrolmentToken: z.string().trim().min(6, { error: 'validation.required' }).max(200),
    }),
    output: z.object({ deskCode: z.string(), chamberCode: z.string() }),
    roles: ['administrator'],
    needsSetup: true,
    writes: true,
  }),
  /** Starts a sync (`wait`: and answers when it is over, with what it did — the CLI). */
  'sync.now': method({
    input: z.object({ wait: z.boolean().default(false) }),
    output: z.object({ started: z.boolean(), progress: ProgressSchema.nullable() }),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: true,
  }),
  'sync.stop': method({
    input: z.object({}).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  /** Newest first; a line repeated by consecutive syncs comes once, with `count` and `since`. */
  'sync.log': method({
    input: z.object({
      limit: z.number().int().min(1).max(500).default(100),
      /** Only what someone should look at: refusals, conflicts, failures. */
      attention: z.boolean().default(false),
    }),
    output: z.array(
      z.object({
        at: z.string(),
        level: z.enum(['info', 'warning', 'error']),
        key: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
        count: z.number().int(),
        since: z.string(),
        attention: z.boolean(),
      }),
    ),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'sync.rejected': method({
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        opId: z.string(),
        entityType: z.enum(['artisan', 'certificate']),
        artisanId: z.string(),
        name: z.string(),
        cin: z.string().nullable(),
        createdAt: z.string(),
        op: z.enum(['create', 'update', 'delete']),
        reason: Reason,
        /** The registry does not know the file: `sync.resend` may send it as new. */
        resendable: z.boolean(),
      }),
    ),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  /**
   * Sends a file the registry does not know again, as a new registration (supervisors):
   * its refused creation, or its changes answered `not_found`.
   */
  'sync.resend': method({
    input: z.object({ artisanId: z.string().min(1).max(64) }),
    output: z.object({ opId: z.string() }),
    roles: ['supervisor', 'administrator'],
    needsSetup: true,
    writes: true,
  }),
  'sync.conflicts': method({
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        id: z.string(),
        artisanId: z.string(),
        name: z.string(),
        createdAt: z.string(),
        fields: z.array(z.object({ field: z.string(), local: z.unknown(), registry: z.unknown() })),
        steps: z.array(z.string()),
      }),
    ),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  /** A supervisor's choice, field by field: `keepLocal` names the fields whose desk value stays. */
  'sync.resolve': method({
    input: z.object({
      id: z.string().min(1).max(64),
      keepLocal: z.array(z.string().max(40)).max(40),
    }),
    output: z.object({ id: z.string(), kept: z.array(z.string()) }),
    roles: ['supervisor', 'administrator'],
    needsSetup: true,
    writes: true,
  }),
  'sync.recordState': method({
    input: z.object({ artisanId: z.string().min(1).max(64) }),
    output: z.object({
      state: z.enum(['local', 'pending', 'synced', 'rejected', 'conflict']),
      reason: Reason.nullable(),
    }),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
}
