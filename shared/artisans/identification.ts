import { z } from 'zod'
import { arabicName, cleanText, latinName } from '../text/fields'
import { parseCin } from '../validation/cin'
import { parseMoroccanPhone } from '../validation/phone'
import { BirthDateSchema } from './birth-date'
import { SEXES } from './enums'

/**
 * An identified artisan: the minimal data met at a caravan, a session or in an
 * identification campaign's list — a name (Arabic or Latin, first and family), and a CIN
 * or a phone to find them again. The complete file comes later, at registration.
 */
const optional = (parse: (raw: string) => string | null, key: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = cleanText(raw ?? '')
      if (!text) return null
      const value = parse(text)
      if (value === null) {
        ctx.addIssue({ code: 'custom', message: key })
        return z.NEVER
      }
      return value
    })

/**
 * Names and birth dates follow the registration form's own rules (one validation for every
 * door: form, import, sessions, API) — a name of letters only, a plausible birth date — but
 * may be missing.
 */
const orNull = <T extends z.ZodType<string, string>>(schema: T) =>
  z
    .string()
    .optional()
    .transform((s) => cleanText(s ?? '') || null)
    .pipe(schema.nullable())

export const IdentificationSchema = z
  .object({
    cin: optional(parseCin, 'validation.cin'),
    phone: optional(parseMoroccanPhone, 'validation.phone'),
    firstNameAr: orNull(arabicName),
    lastNameAr: orNull(arabicName),
    firstNameLat: orNull(latinName),
    lastNameLat: orNull(latinName),
    sex: optional(
      (s) => ((SEXES as readonly string[]).includes(s.toUpperCase()) ? s.toUpperCase() : null),
      'validation.choice',
    ),
    birthDate: orNull(BirthDateSchema),
    provinceCode: optional((s) => (/^[0-9.]{1,16}$/.test(s) ? s : null), 'validation.territory'),
    communeCode: optional((s) => (/^[0-9.]{1,16}$/.test(s) ? s : null), 'validation.territory'),
    mainActivity: optional((s) => (/^[A-Z0-9.]{1,16}$/.test(s) ? s : null), 'validation.activity'),
  })
  .superRefine((v, ctx) => {
    const arabic = v.firstNameAr && v.lastNameAr
    const latin = v.firstNameLat && v.lastNameLat
    if (!arabic && !latin)
      ctx.addIssue({ code: 'custom', path: ['lastNameAr'], message: 'validation.name_required' })
    if (!v.cin && !v.phone)
      ctx.addIssue({ code: 'custom', path: ['cin'], message: 'validation.cin_or_phone' })
  })
export type Identification = z.output<typeof IdentificationSchema>
export type IdentificationInput = z.input<typeof IdentificationSchema>
export const IDENTIFICATION_FIELDS = [
  'cin',
  'phone',
  'firstNameAr',
  'lastNameAr',
  'firstNameLat',
  'lastNameLat',
  'sex',
  'birthDate',
  'provinceCode',
  'communeCode',
  'mainActivity',
] as const
export type IdentificationField = (typeof IDENTIFICATION_FIELDS)[number]
