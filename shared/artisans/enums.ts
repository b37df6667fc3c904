/** Closed lists of the artisan file (law 50.17, RNA practice). Codes are stored; labels translated. */
export const ACTOR_TYPES = ['artisan', 'master_artisan', 'cooperative', 'enterprise'] as const
export type ActorType = (typeof ACTOR_TYPES)[number]
export const ORGANISATION_TYPES: readonly ActorType[] = ['cooperative', 'enterprise']

export const SEXES = ['F', 'M'] as const
export type Sex = (typeof SEXES)[number]

export const PRACTICES = ['own_workshop', 'shared_workshop', 'home', 'itinerant'] as const
export type Practice = (typeof PRACTICES)[number]

export const QUALIFICATIONS = ['diploma', 'practice', 'master_attestation'] as const
export type Qualification = (typeof QUALIFICATIONS)[number]

/** Where the artisan stands in the RNA. */
export const RNA_STATUSES = [
  'draft',
  'identified',
  'pending',
  'submitted',
  'registered',
  'rejected',
] as const
export type RnaStatus = (typeof RNA_STATUSES)[number]

/** Social cover: CNSS pre-registration, AMO, or already covered by another scheme. */
export const COVER_STATUSES = ['none', 'cnss_pre_registered', 'amo_covered', 'other_cover'] as const
export type CoverStatus = (typeof COVER_STATUSES)[number]

export const BANK_STATUSES = ['none', 'referred', 'opened'] as const
export type BankStatus = (typeof BANK_STATUSES)[number]

export const PARTNER_BANKS = ['cam', 'al_barid_bank', 'other'] as const
export type PartnerBank = (typeof PARTNER_BANKS)[number]

/** The path of an artisan (domain README): each step a clerk can record, in order. */
export const PATH_STEPS = [
  'identified',
  'rna_submitted',
  'rna_registered',
  'rna_rejected',
  'cnss_pre_registered',
  'amo_covered',
  'other_cover',
  'bank_referred',
  'bank_opened',
] as const
export type PathStep = (typeof PATH_STEPS)[number]
