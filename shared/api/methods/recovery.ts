import { z } from 'zod'
import { EMPTY, method } from '../method'

/**
 * The recovery code of the database key (docs/security.md): whether one exists and still
 * fits the desk's key, a new one (the old stops working), a check of a printed code, and
 * the sheet to print it on. Administrators only; the code itself is never audited.
 */
const CodeInput = z.object({
  code: z.string().trim().min(1, { error: 'validation.required' }).max(80),
})

export const recoveryMethods = {
  'recovery.status': method({
    input: EMPTY,
    output: z.object({
      exists: z.boolean(),
      createdAt: z.string().nullable(),
      matchesKey: z.boolean(),
    }),
    roles: ['administrator'],
    needsSetup: true,
    writes: false,
  }),
  'recovery.regenerate': method({
    input: EMPTY,
    output: z.object({ code: z.string() }),
    roles: ['administrator'],
    needsSetup: true,
    writes: true,
  }),
  /** Whether a code (as printed or typed) gives back this desk's key. */
  'recovery.verify': method({
    input: CodeInput,
    output: z.object({ ok: z.boolean() }),
    roles: ['administrator'],
    needsSetup: true,
    writes: false,
  }),
  /** The sheet to print and keep: A4, Arabic and French, the code in large type. */
  'recovery.printable': method({
    input: CodeInput,
    output: z.object({ fileName: z.string(), base64: z.string() }),
    roles: ['administrator'],
    needsSetup: true,
    writes: false,
  }),
}
