import { z } from 'zod'
import {
  ACTOR_TYPES,
  BANK_STATUSES,
  COVER_STATUSES,
  PATH_STEPS,
  PRACTICES,
  QUALIFICATIONS,
  SEXES,
} from './enums'

/** What the API returns about artisans: a summary for lists and search, the whole file. */
const nullableText = z.string().nullable()

export const ArtisanSummarySchema = z.object({
  id: z.string(),
  cin: nullableText,
  nia: nullableText,
  firstNameAr: nullableText,
  lastNameAr: nullableText,
  firstNameLat: nullableText,
  lastNameLat: nullableText,
  organisationName: z.string(),
  actorType: z.enum(ACTOR_TYPES),
  phone: nullableText,
  birthDate: nullableText,
  communeCode: nullableText,
  mainActivity: nullableText,
  rnaStatus: z.enum(['identified', 'pending', 'submitted', 'registered', 'rejected']),
  coverStatus: z.enum(COVER_STATUSES),
  bankStatus: z.enum(BANK_STATUSES),
})
export type ArtisanSummary = z.infer<typeof ArtisanSummarySchema>

export const PathEventSchema = z.object({
  id: z.string(),
  step: z.enum(PATH_STEPS),
  happenedOn: z.string(),
  recordedAt: z.string(),
  actorName: z.string(),
  detail: z.record(z.string(), z.string()),
})
export type PathEvent = z.infer<typeof PathEventSchema>

export const ArtisanFileSchema = ArtisanSummarySchema.extend({
  sex: z.enum(SEXES).nullable(),
  birthPlace: z.string(),
  phone2: nullableText,
  regionCode: nullableText,
  provinceCode: nullableText,
  address: z.string(),
  organisationLegalId: z.string(),
  secondaryActivities: z.array(z.string()),
  practice: z.enum(PRACTICES).nullable(),
  workplaceAddress: z.string(),
  qualification: z.enum(QUALIFICATIONS).nullable(),
  practiceYears: z.number().int().nullable(),
  qualificationDetail: z.string(),
  evidence: z.record(z.string(), z.boolean()),
  consentAt: nullableText,
  notes: z.string(),
  rnaSubmittedAt: nullableText,
  rnaRegisteredAt: nullableText,
  rnaRejectionReason: nullableText,
  cnssNumber: nullableText,
  coverAt: nullableText,
  bankPartner: nullableText,
  bankAt: nullableText,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  events: z.array(PathEventSchema),
})
export type ArtisanFile = z.infer<typeof ArtisanFileSchema>

export const SEARCH_KINDS = ['cin', 'phone', 'nia', 'name', 'empty', 'too_short'] as const

export const SearchResultSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  items: z.array(ArtisanSummarySchema),
  more: z.boolean(),
  tookMs: z.number(),
})
export type SearchResult = z.infer<typeof SearchResultSchema>
