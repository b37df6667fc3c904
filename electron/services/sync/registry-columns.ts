import type { Actor } from '@shared/api/roles'
import type { RegistryArtisan } from '@shared/registry/records'

/**
 * The registry as an actor of the desk's audit log and file histories, and the artisan
 * table's columns for each field of the registry's record.
 */
export const REGISTRY_ACTOR: Actor = {
  id: 'registry',
  name: 'Registre national',
  roles: [],
}

export const COLUMNS: Record<string, keyof RegistryArtisan> = {
  cin: 'cin',
  nia: 'nia',
  first_name_ar: 'firstNameAr',
  last_name_ar: 'lastNameAr',
  first_name_lat: 'firstNameLat',
  last_name_lat: 'lastNameLat',
  sex: 'sex',
  birth_date: 'birthDate',
  birth_place: 'birthPlace',
  phone: 'phone',
  phone2: 'phone2',
  region_code: 'regionCode',
  province_code: 'provinceCode',
  commune_code: 'communeCode',
  address: 'address',
  actor_type: 'actorType',
  organisation_name: 'organisationName',
  organisation_legal_id: 'organisationLegalId',
  main_activity: 'mainActivity',
  practice: 'practice',
  workplace_address: 'workplaceAddress',
  qualification: 'qualification',
  practice_years: 'practiceYears',
  qualification_detail: 'qualificationDetail',
  consent_at: 'consentAt',
  rna_status: 'rnaStatus',
  rna_submitted_at: 'rnaSubmittedAt',
  rna_registered_at: 'rnaRegisteredAt',
  rna_rejection_reason: 'rnaRejectionReason',
  cover_status: 'coverStatus',
  cnss_number: 'cnssNumber',
  cover_at: 'coverAt',
  bank_status: 'bankStatus',
  bank_partner: 'bankPartner',
  bank_at: 'bankAt',
}
