import {
  ArtisanRegistrationSchema,
  type ArtisanRegistrationInput,
} from '@shared/artisans/registration'
import type { ArtisanFile } from '@shared/artisans/records'
import { compactCin } from '@shared/validation/cin'
import { formatMoroccanPhone } from '@shared/validation/phone'
import { formatPhoneOnBlur } from '../chamber/useChamberForm'
import { useSchemaForm } from '../forms/useSchemaForm'

/** The registration form: flat fields as typed, turned into the API's registration. */
export interface RegisterValues {
  cin: string
  firstNameAr: string
  lastNameAr: string
  firstNameLat: string
  lastNameLat: string
  sex: string
  birthDate: string
  birthPlace: string
  phone: string
  phone2: string
  regionCode: string
  provinceCode: string
  communeCode: string
  address: string
  actorType: string
  organisationName: string
  organisationLegalId: string
  mainActivity: string
  secondaryActivities: string[]
  practice: string
  workplaceAddress: string
  qualification: string
  practiceYears: number | null
  qualificationDetail: string
  cinCopy: boolean
  diploma: boolean
  practiceAttestation: boolean
  masterAttestation: boolean
  consent: boolean
  notes: string
}

export const EMPTY_REGISTRATION: RegisterValues = {
  cin: '',
  firstNameAr: '',
  lastNameAr: '',
  firstNameLat: '',
  lastNameLat: '',
  sex: '',
  birthDate: '',
  birthPlace: '',
  phone: '',
  phone2: '',
  regionCode: '',
  provinceCode: '',
  communeCode: '',
  address: '',
  actorType: 'artisan',
  organisationName: '',
  organisationLegalId: '',
  mainActivity: '',
  secondaryActivities: [],
  practice: '',
  workplaceAddress: '',
  qualification: '',
  practiceYears: null,
  qualificationDetail: '',
  cinCopy: false,
  diploma: false,
  practiceAttestation: false,
  masterAttestation: false,
  consent: false,
  notes: '',
}

const EVIDENCE = ['cinCopy', 'diploma', 'practiceAttestation', 'masterAttestation'] as const

export function toRegistration(v: RegisterValues): ArtisanRegistrationInput {
  const { cinCopy, diploma, practiceAttestation, masterAttestation, ...rest } = v
  return {
    ...rest,
    sex: rest.sex as ArtisanRegistrationInput['sex'],
    actorType: rest.actorType as ArtisanRegistrationInput['actorType'],
    practice: rest.practice as ArtisanRegistrationInput['practice'],
    qualification: rest.qualification as ArtisanRegistrationInput['qualification'],
    evidence: { cinCopy, diploma, practiceAttestation, masterAttestation },
  }
}

const pathOf = (field: string) =>
  (EVIDENCE as readonly string[]).includes(field) ? `evidence.${field}` : field

const onBlurFormat = {
  phone: formatPhoneOnBlur,
  phone2: formatPhoneOnBlur,
  cin: (cin: string) => compactCin(cin),
}

/** Fills the form from an existing file, to correct or complete it. */
export function valuesFromFile(file: ArtisanFile): RegisterValues {
  const phone = (e164: string | null) => (e164 ? formatMoroccanPhone(e164) : '')
  return {
    ...EMPTY_REGISTRATION,
    cin: file.cin ?? '',
    firstNameAr: file.firstNameAr ?? '',
    lastNameAr: file.lastNameAr ?? '',
    firstNameLat: file.firstNameLat ?? '',
    lastNameLat: file.lastNameLat ?? '',
    sex: file.sex ?? '',
    birthDate: file.birthDate ?? '',
    birthPlace: file.birthPlace,
    phone: phone(file.phone),
    phone2: phone(file.phone2),
    regionCode: file.regionCode ?? '',
    provinceCode: file.provinceCode ?? '',
    communeCode: file.communeCode ?? '',
    address: file.address,
    actorType: file.actorType,
    organisationName: file.organisationName,
    organisationLegalId: file.organisationLegalId,
    mainActivity: file.mainActivity ?? '',
    secondaryActivities: file.secondaryActivities,
    practice: file.practice ?? '',
    workplaceAddress: file.workplaceAddress,
    qualification: file.qualification ?? '',
    practiceYears: file.practiceYears,
    qualificationDetail: file.qualificationDetail,
    cinCopy: file.evidence.cinCopy ?? false,
    diploma: file.evidence.diploma ?? false,
    practiceAttestation: file.evidence.practiceAttestation ?? false,
    masterAttestation: file.evidence.masterAttestation ?? false,
    consent: file.consentAt !== null,
    notes: file.notes,
  }
}

/** Fills the form from what the clerk typed at the counter (`?cin=`, `?phone=`, `?nameAr=`). */
export function valuesFromParams(params: URLSearchParams): RegisterValues {
  const v = { ...EMPTY_REGISTRATION }
  v.cin = params.get('cin') ?? ''
  v.phone = params.get('phone') ?? ''
  const split = (name: string | null): [string, string] => {
    const words = (name ?? '').trim().split(/\s+/).filter(Boolean)
    return words.length > 1 ? [words[0] ?? '', words.slice(1).join(' ')] : ['', words[0] ?? '']
  }
  ;[v.firstNameAr, v.lastNameAr] = split(params.get('nameAr'))
  ;[v.firstNameLat, v.lastNameLat] = split(params.get('nameLat'))
  return v
}

export function useRegisterForm(initial: RegisterValues) {
  return useSchemaForm({
    initial,
    schema: ArtisanRegistrationSchema,
    toRequest: toRegistration,
    pathOf,
    onBlurFormat,
  })
}

export type RegisterForm = ReturnType<typeof useRegisterForm>
