import { z } from 'zod'
import { ApprovalSettingsSchema, ApprovalViewSchema } from '../../approvals/approval'
import { EVERY_ROLE, method } from '../method'

/**
 * Supervisor approval (docs/approvals.md): the queue (supervisors and administrators see
 * every request; anyone else only their own — "returned to me"), one request, the open
 * request of a file (its banner), approve or return with a comment (supervisors), and the
 * on/off setting (administrators).
 */
const Id = z.string().min(1).max(64)
const Version = z.number().int().min(1)

export const approvalMethods = {
  'approvals.list': method({
    input: z.object({
      /** `open`: pending and returned (the default). */
      status: z.enum(['open', 'pending', 'returned', 'approved']).default('open'),
      /** Only the caller's own requests (always so for a caller who cannot decide). */
      mine: z.boolean().default(false),
    }),
    output: z.object({ canDecide: z.boolean(), items: z.array(ApprovalViewSchema) }),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'approvals.get': method({
    input: z.object({ id: Id }),
    output: ApprovalViewSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'approvals.forArtisan': method({
    input: z.object({ artisanId: Id }),
    output: ApprovalViewSchema.nullable(),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'approvals.approve': method({
    input: z.object({ id: Id, expectedVersion: Version }),
    output: ApprovalViewSchema,
    roles: ['supervisor', 'administrator'],
    needsSetup: true,
    writes: true,
  }),
  'approvals.return': method({
    input: z.object({
      id: Id,
      comment: z.string().trim().min(3, { error: 'validation.approval_comment' }).max(500),
      expectedVersion: Version,
    }),
    output: ApprovalViewSchema,
    roles: ['supervisor', 'administrator'],
    needsSetup: true,
    writes: true,
  }),
  'approvals.settings': method({
    input: z.object({}).strict(),
    output: ApprovalSettingsSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'approvals.setSettings': method({
    input: ApprovalSettingsSchema,
    output: ApprovalSettingsSchema,
    roles: ['administrator'],
    needsSetup: true,
    writes: true,
  }),
}
