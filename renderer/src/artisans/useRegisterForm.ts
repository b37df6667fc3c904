import {
  ArtisanRegistrationSchema,
  type ArtisanRegistrationInput,
} from '@shared/artisans/registration'
import { compactCin } from '@shared/validation/cin'
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
