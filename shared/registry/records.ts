import { z } from 'zod'
import {
  ACTOR_TYPES,
  BANK_STATUSES,
  COVER_STATUSES,
  PARTNER_BANKS,
  PATH_STEPS,
  PRACTICES,
  QUALIFICATIONS,
  SEXES,
} from '../artisans/enums'
import { isCalendarDate } from '../artisans/birth-date'
import { CONTROL_CHARACTER_KEY, findForbiddenChar } from '../text/control-chars'
import { isValidNia } from '../validation/nia'

/**
 * What the national registry holds about an artisan, as desks and registry exchange it
 * (docs/registry-api.md). The registry owns the decisions — NIA, registration accepted or
 * rejected with its reason, CNSS and AMO status — and desks own the identification and
 * the file. Every state carries a `revision` the registry gives; a desk's change names the
 * revision it was based on.
 */
/**
 * The same rules as every other door (docs/validation.md): no control character or bidi
 * override in any text; a NIA in the contract's form (shared/validation/nia.ts); a real
 * calendar day. A registry answer that breaks them is refused whole and retried (the sync
 * log names the field), never written into the register.
 */
const plain = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => findForbiddenChar(s) === null, { error: CONTROL_CHARACTER_KEY })
const text = plain(2000)
const nullable = plain(300).nullable()
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/)
  .refine((s) => isCalendarDate(s.slice(0, 10)), { error: 'validation.date' })
  .nullable()
/** CINs and phones as a desk or the registry writes them; each side reads them with parseCin and parseMoroccanPhone. */
const cin = plain(20).nullable()
const phone = plain(30).nullable()
const nia = plain(20).refine(isValidNia, { error: 'validation.nia' }).nullable()

export const RNA_STATES = ['identified', 'pending', 'submitted', 'registered', 'rejected'] as const

/** The fields of an artisan's file a desk may set (all of them optional in a change). */
export const ArtisanFieldsSchema = z.object({
  cin,
  firstNameAr: nullable,
  lastNameAr: nullable,
  firstNameLat: nullable,
  lastNameLat: nullable,
  sex: z.enum(SEXES).nullable(),
  birthDate: day,
  birthPlace: text,
  phone,
  phone2: phone,
  regionCode: nullable,
  provinceCode: nullable,
  communeCode: nullable,
  address: text,
  actorType: z.enum(ACTOR_TYPES),
  organisationName: text,
  organisationLegalId: text,
  mainActivity: nullable,
  secondaryActivities: z.array(z.string().max(16)).max(3),
  practice: z.enum(PRACTICES).nullable(),
  workplaceAddress: text,
  qualification: z.enum(QUALIFICATIONS).nullable(),
  practiceYears: z.number().int().min(0).max(85).nullable(),
  qualificationDetail: text,
  consentAt: nullable,
})
export type ArtisanFields = z.infer<typeof ArtisanFieldsSchema>

/** The registry's state of one artisan. */
export const RegistryArtisanSchema = ArtisanFieldsSchema.extend({
  id: z.string().min(1).max(64),
  chamberCode: z.string().regex(/^\d{2}$/),
  nia,
  rnaStatus: z.enum(RNA_STATES),
  rnaSubmittedAt: day,
  rnaRegisteredAt: day,
  rnaRejectionReason: nullable,
  coverStatus: z.enum(COVER_STATUSES),
  cnssNumber: nullable,
  coverAt: day,
  bankStatus: z.enum(BANK_STATUSES),
  bankPartner: z.enum(PARTNER_BANKS).nullable(),
  bankAt: day,
  revision: z.string().min(1).max(64),
  updatedAt: z.string(),
})
export type RegistryArtisan = z.infer<typeof RegistryArtisanSchema>

/** A step of the path a desk recorded (the registry checks it against its own decisions). */
export const StepChangeSchema = z.object({
  step: z.enum(PATH_STEPS),
  happenedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  nia: z.string().max(20).optional(),
  reason: z.string().max(300).optional(),
  cnssNumber: z.string().max(20).optional(),
  scheme: z.string().max(100).optional(),
  bank: z.enum(PARTNER_BANKS).optional(),
})
export type StepChange = z.infer<typeof StepChangeSchema>

/**
 * A desk's change to an artisan: `create` with the file's fields (an identification has
 * few of them; a registration asks for review with `rnaStatus: 'pending'`), `update` with
 * the fields that changed and/or a step of the path, `delete` with nothing.
 */
export const ArtisanChangeSchema = ArtisanFieldsSchema.partial().extend({
  rnaStatus: z.enum(['identified', 'pending']).optional(),
  step: StepChangeSchema.optional(),
})
export type ArtisanChange = z.infer<typeof ArtisanChangeSchema>

/** A certificate issued or cancelled at a desk, so that anyone can check it with the registry. */
export const CertificateNoticeSchema = z.object({
  number: z.string().min(1).max(40),
  artisanId: z.string().min(1).max(64),
  nia: z.string().max(20),
  issuedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  keyId: z.string().max(20),
  publicKey: z.string().max(64),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().max(300).nullable(),
})
export type CertificateNotice = z.infer<typeof CertificateNoticeSchema>
