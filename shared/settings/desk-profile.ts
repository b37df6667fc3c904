import { z } from 'zod'
import { parseMoroccanPhone } from '../validation/phone'
import { arabicText, latinText, text } from '../text/fields'
import { LanguageSchema } from './language'

/**
 * The chamber this desk belongs to and the desk itself: chosen at first run, shown in
 * the header, printed on every document, editable in Settings.
 */

/** A logo is a PNG or JPEG data URL; 512 KiB of image at most (base64 grows it by 4/3). */
export const LOGO_MAX_BYTES = 512 * 1024
const LOGO_PATTERN = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/

export const PhoneSchema = z.string().transform((raw, ctx) => {
  const e164 = parseMoroccanPhone(raw)
  if (!e164) {
    ctx.addIssue({
      code: 'custom',
      message: raw.trim() ? 'validation.phone' : 'validation.required',
    })
    return z.NEVER
  }
  return e164
})

export const LogoSchema = z
  .string()
  .regex(LOGO_PATTERN, { error: 'validation.logo_format' })
  .refine((s) => Math.floor(((s.length - s.indexOf(',') - 1) * 3) / 4) <= LOGO_MAX_BYTES, {
    error: 'validation.logo_size',
  })
  .nullable()
  .default(null)

export const ChamberProfileSchema = z.object({
  regionCode: z.string().regex(/^\d{2}$/, { error: 'validation.region' }),
  nameAr: arabicText(3, 200),
  nameFr: latinText(3, 200),
  address: text(3, 300),
  phone: PhoneSchema,
  logo: LogoSchema,
})
export type ChamberProfileInput = z.input<typeof ChamberProfileSchema>
export type ChamberProfile = z.output<typeof ChamberProfileSchema>

export const DeskNameSchema = text(2, 60)

export const SetupInputSchema = z.object({
  chamber: ChamberProfileSchema,
  deskName: DeskNameSchema,
  language: LanguageSchema,
})
export type SetupInput = z.input<typeof SetupInputSchema>

export const DeskProfileSchema = z.object({
  deskId: z.string(),
  deskName: z.string(),
  language: LanguageSchema,
  chamber: z.object({
    regionCode: z.string(),
    nameAr: z.string(),
    nameFr: z.string(),
    address: z.string(),
    phone: z.string(),
    logo: z.string().nullable(),
  }),
  setupAt: z.string(),
  updatedAt: z.string(),
})
export type DeskProfile = z.infer<typeof DeskProfileSchema>
