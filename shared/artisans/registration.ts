import { z } from 'zod'
import { PhoneSchema } from '../settings/desk-profile'
import { latinName, arabicName, optionalText, text } from '../text/fields'
import { parseCin } from '../validation/cin'
import { parseMoroccanPhone } from '../validation/phone'
import { BirthDateSchema } from './birth-date'
import { ACTOR_TYPES, ORGANISATION_TYPES, PRACTICES, QUALIFICATIONS, SEXES } from './enums'

/**
 * The artisan file a clerk fills from the CIN card (law 50.17 / RNA): identity, territory,
 * actor type, craft, practice, qualification, evidence seen, consent (law 09-08).
 * Codes (territory, activity) are checked against the reference data by the service.
 */
export const CinSchema = z.string().transform((raw, ctx) => {
  const cin = parseCin(raw)
  if (!cin) {
    ctx.addIssue({ code: 'custom', message: raw.trim() ? 'validation.cin' : 'validation.required' })
    return z.NEVER
  }
  return cin
})

export const OptionalPhoneSchema = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (!raw || !raw.trim()) return null
    const e164 = parseMoroccanPhone(raw)
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone' })
      return z.NEVER
    }
    return e164
  })

const code = z.string().regex(/^[A-Z0-9.]{1,16}$/, { error: 'validation.choice' })

export const EvidenceSchema = z
  .object({
    cinCopy: z.boolean(),
    diploma: z.boolean(),
    practiceAttestation: z.boolean(),
    masterAttestation: z.boolean(),
  })
  .default({ cinCopy: false, diploma: false, practiceAttestation: false, masterAttestation: false })
export type Evidence = z.output<typeof EvidenceSchema>

export const ArtisanFieldsSchema = z.object({
  cin: CinSchema,
  firstNameAr: arabicName,
  lastNameAr: arabicName,
  firstNameLat: latinName,
  lastNameLat: latinName,
  sex: z.enum(SEXES, { error: 'validation.choice' }),
  birthDate: BirthDateSchema,
  birthPlace: optionalText(100),
  phone: PhoneSchema,
  phone2: OptionalPhoneSchema,
  regionCode: code,
  provinceCode: code,
  communeCode: code,
  address: text(3, 300),
  actorType: z.enum(ACTOR_TYPES, { error: 'validation.choice' }),
  organisationName: optionalText(200),
  organisationLegalId: optionalText(40),
  mainActivity: code,
  secondaryActivities: z.array(code).max(3, { error: 'validation.secondary_max' }).default([]),
  practice: z.enum(PRACTICES, { error: 'validation.choice' }),
  workplaceAddress: optionalText(300),
  qualification: z.enum(QUALIFICATIONS, { error: 'validation.choice' }),
  practiceYears: z.number().int().min(0).max(85).nullable().default(null),
  qualificationDetail: optionalText(200),
  evidence: EvidenceSchema,
  consent: z.boolean().refine((v) => v, { error: 'validation.consent' }),
  notes: optionalText(2000),
})

type Fields = z.output<typeof ArtisanFieldsSchema>

/** Rules that tie fields together (who may register as what, with which evidence). */
function crossFieldRules(f: Fields, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message })
  if (ORGANISATION_TYPES.includes(f.actorType)) {
    if (!f.organisationName) issue('organisationName', 'validation.organisation_required')
    if (!f.organisationLegalId) issue('organisationLegalId', 'validation.organisation_required')
  }
  if (f.secondaryActivities.includes(f.mainActivity))
    issue('secondaryActivities', 'validation.secondary_duplicate')
  const years = f.practiceYears ?? 0
  if (f.qualification === 'practice' && years < 3)
    issue('practiceYears', 'validation.practice_years')
  if (f.actorType === 'master_artisan' && years < 10 && f.qualification !== 'master_attestation') {
    issue('practiceYears', 'validation.master_years')
  }
  if (!f.evidence.cinCopy) issue('evidence.cinCopy', 'validation.evidence_cin')
  const proof = {
    diploma: f.evidence.diploma,
    practice: f.evidence.practiceAttestation,
    master_attestation: f.evidence.masterAttestation,
  }[f.qualification]
  if (!proof) issue('evidence', 'validation.evidence_qualification')
}

export const ArtisanRegistrationSchema = ArtisanFieldsSchema.superRefine(crossFieldRules)

/**
 * What `artisans.register` takes: the file's fields at the top level (so that field
 * errors have the same paths in the form, the router and the services), the draft it
 * came from, and the files the clerk compared and found to be other people.
 */
export const RegisterRequestSchema = ArtisanFieldsSchema.extend({
  draftId: z.string().min(1).max(64).optional(),
  notSameAs: z.array(z.string().min(1).max(64)).max(20).default([]),
}).superRefine(crossFieldRules)
export type RegisterRequest = z.input<typeof RegisterRequestSchema>

/**
 * What `artisans.update` takes: the whole file as corrected, the version the clerk opened
 * (a newer one means someone changed it meanwhile), and the files found to be others.
 */
export const UpdateRequestSchema = ArtisanFieldsSchema.extend({
  id: z.string().min(1).max(64),
  expectedVersion: z.number().int().positive(),
  notSameAs: z.array(z.string().min(1).max(64)).max(20).default([]),
}).superRefine(crossFieldRules)
export type UpdateRequest = z.input<typeof UpdateRequestSchema>
export type ArtisanRegistrationInput = z.input<typeof ArtisanRegistrationSchema>
export type ArtisanRegistration = z.output<typeof ArtisanRegistrationSchema>
