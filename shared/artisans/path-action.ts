import { z } from 'zod'
import { optionalText, text } from '../text/fields'
import { toAsciiDigits } from '../validation/digits'
import { parseNia } from '../validation/nia'
import { isCalendarDate, todayIso } from './birth-date'
import { PARTNER_BANKS } from './enums'

/**
 * One step recorded on an artisan's path, with the date it happened and its evidence:
 * RNA submission/decision (an NIA obtained by hand from the RNA platform included),
 * CNSS pre-registration, AMO cover or another scheme, bank referral or account.
 */
export const StepDateSchema = z
  .string()
  .transform((s) => toAsciiDigits(s).trim())
  .refine(isCalendarDate, { error: 'validation.date' })
  .refine((s) => s <= todayIso(), { error: 'validation.date_future' })
  .refine((s) => s >= '2020-01-01', { error: 'validation.date_too_old' })

export const NiaSchema = z.string().transform((raw, ctx) => {
  const nia = parseNia(raw)
  if (!nia) {
    ctx.addIssue({ code: 'custom', message: raw.trim() ? 'validation.nia' : 'validation.required' })
    return z.NEVER
  }
  return nia
})

const bank = z.enum(PARTNER_BANKS, { error: 'validation.choice' })

export const PathActionSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('rna_submitted'), happenedOn: StepDateSchema }),
  z.object({ step: z.literal('rna_registered'), happenedOn: StepDateSchema, nia: NiaSchema }),
  z.object({ step: z.literal('rna_rejected'), happenedOn: StepDateSchema, reason: text(3, 300) }),
  z.object({
    step: z.literal('cnss_pre_registered'),
    happenedOn: StepDateSchema,
    cnssNumber: optionalText(20),
  }),
  z.object({ step: z.literal('amo_covered'), happenedOn: StepDateSchema }),
  z.object({ step: z.literal('other_cover'), happenedOn: StepDateSchema, scheme: text(2, 100) }),
  z.object({ step: z.literal('bank_referred'), happenedOn: StepDateSchema, bank }),
  z.object({ step: z.literal('bank_opened'), happenedOn: StepDateSchema, bank }),
])
export type PathAction = z.output<typeof PathActionSchema>
export type PathActionInput = z.input<typeof PathActionSchema>

export const RecordStepSchema = z.object({
  artisanId: z.string().min(1),
  /** The file version the clerk saw; a newer one means someone else changed it meanwhile. */
  expectedVersion: z.number().int().positive(),
  action: PathActionSchema,
})
