import { z } from 'zod'
import { EVERY_ROLE, method } from '../method'
import type { Role } from '../roles'

/**
 * Documents issued to artisans: list a file's documents, issue one (the PDF comes back),
 * reprint it as a duplicata, cancel it with a reason; print certificates by batch; verify a
 * certificate's code. Receipts are printed at the counter; cancelling and batches are for
 * certificate staff and supervisors.
 */
const PRINTERS: readonly Role[] = ['clerk', 'certificate_officer', 'supervisor', 'administrator']
const CANCELLERS: readonly Role[] = ['certificate_officer', 'supervisor', 'administrator']
const id = z.string().min(1).max(64)

export const DOCUMENT_TYPES = ['receipt', 'certificate', 'summary'] as const

export const DocumentSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  copy: z.number().int(),
  type: z.enum(['receipt', 'certificate', 'summary']),
  issuedAt: z.string(),
  issuedByName: z.string(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
})
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>

const PrintedSchema = z.object({
  id: z.string(),
  number: z.string(),
  copy: z.number().int(),
  fileName: z.string(),
  base64: z.string(),
  /** i18n keys of what went wrong without stopping the print (an unreadable logo). */
  warnings: z.array(z.string()),
})

const nullable = z.string().nullable()
export const VerificationSchema = z.object({
  status: z.enum(['valid', 'invalid', 'cancelled']),
  reason: z.enum(['format', 'unknown_key', 'signature']).optional(),
  number: nullable.optional(),
  nia: nullable.optional(),
  name: nullable.optional(),
  nameAr: nullable.optional(),
  activity: nullable.optional(),
  issuedOn: nullable.optional(),
  keyId: nullable.optional(),
  cancelReason: nullable.optional(),
})
export type Verification = z.infer<typeof VerificationSchema>

const KeySchema = z.object({
  id: z.string(),
  publicKey: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  canSign: z.boolean(),
})

const BatchSelectionSchema = z.object({
  registeredSince: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' }),
  withoutCertificate: z.boolean().default(true),
})
const jobId = z.object({ jobId: z.string().max(64) })

export const documentMethods = {
  'documents.batchCount': method({
    input: BatchSelectionSchema,
    output: z.object({ count: z.number().int(), max: z.number().int() }),
    roles: CANCELLERS,
    needsSetup: true,
    writes: false,
  }),
  'documents.batchStart': method({
    input: BatchSelectionSchema,
    output: z.object({ jobId: z.string(), total: z.number().int() }),
    roles: CANCELLERS,
    needsSetup: true,
    writes: true,
  }),
  'documents.batchStatus': method({
    input: jobId,
    output: z.object({
      state: z.enum(['running', 'done', 'cancelled', 'failed']),
      done: z.number().int(),
      total: z.number().int(),
    }),
    roles: CANCELLERS,
    needsSetup: true,
    writes: false,
  }),
  'documents.batchFile': method({
    input: jobId,
    output: z.object({ fileName: z.string(), base64: z.string() }),
    roles: CANCELLERS,
    needsSetup: true,
    writes: false,
  }),
  'documents.batchCancel': method({
    input: jobId,
    output: z.object({ ok: z.literal(true) }),
    roles: CANCELLERS,
    needsSetup: true,
    writes: false,
  }),
  'documents.verify': method({
    input: z.object({ text: z.string().max(4000) }),
    output: VerificationSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'signing.keys': method({
    input: z.object({}).strict(),
    output: z.array(KeySchema),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: true,
  }),
  'signing.rotate': method({
    input: z.object({}).strict(),
    output: z.object({ id: z.string() }),
    roles: ['administrator'],
    needsSetup: true,
    writes: true,
  }),
  'signing.importKey': method({
    input: z.object({ publicKey: z.string().min(1).max(200) }),
    output: z.object({ id: z.string(), added: z.boolean() }),
    roles: ['administrator', 'supervisor'],
    needsSetup: true,
    writes: true,
  }),
  'documents.list': method({
    input: z.object({ artisanId: id }),
    output: z.array(DocumentSummarySchema),
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'documents.issue': method({
    input: z.object({ artisanId: id, type: z.enum(DOCUMENT_TYPES) }),
    output: PrintedSchema,
    roles: PRINTERS,
    needsSetup: true,
    writes: true,
  }),
  'documents.reprint': method({
    input: z.object({ id }),
    output: PrintedSchema,
    roles: PRINTERS,
    needsSetup: true,
    writes: true,
  }),
  'documents.cancel': method({
    input: z.object({
      id,
      reason: z.string().trim().min(3, { error: 'validation.required' }).max(300),
    }),
    output: z.object({ ok: z.literal(true) }),
    roles: CANCELLERS,
    needsSetup: true,
    writes: true,
  }),
}
