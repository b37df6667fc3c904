import {
  ArtisanFieldsSchema,
  type ArtisanChange,
  type ArtisanFields,
  type RegistryArtisan,
  type StepChange,
} from '../../shared/registry/records'
import { NIA_PATTERN } from '../../shared/validation/nia'

/**
 * How a desk's change moves the registry's state of an artisan, without the database:
 * the fields it sets, the review it asks for, the step of the path it records. Returns a
 * refusal instead when the step contradicts a decision the registry already made.
 */
export interface Refusal {
  code: string
  message: string
}

const FIELD_NAMES = Object.keys(ArtisanFieldsSchema.shape) as (keyof ArtisanFields)[]

/** A new file: everything empty, identified, no cover, no bank. */
export function blankArtisan(id: string, chamberCode: string): RegistryArtisan {
  return {
    id,
    chamberCode,
    cin: null,
    firstNameAr: null,
    lastNameAr: null,
    firstNameLat: null,
    lastNameLat: null,
    sex: null,
    birthDate: null,
    birthPlace: '',
    phone: null,
    phone2: null,
    regionCode: null,
    provinceCode: null,
    communeCode: null,
    address: '',
    actorType: 'artisan',
    organisationName: '',
    organisationLegalId: '',
    mainActivity: null,
    secondaryActivities: [],
    practice: null,
    workplaceAddress: '',
    qualification: null,
    practiceYears: null,
    qualificationDetail: '',
    consentAt: null,
    nia: null,
    rnaStatus: 'identified',
    rnaSubmittedAt: null,
    rnaRegisteredAt: null,
    rnaRejectionReason: null,
    coverStatus: 'none',
    cnssNumber: null,
    coverAt: null,
    bankStatus: 'none',
    bankPartner: null,
    bankAt: null,
    revision: '0',
    updatedAt: '',
  }
}

function copyField<K extends keyof ArtisanFields>(
  to: RegistryArtisan,
  from: ArtisanChange,
  key: K,
): void {
  const value = from[key]
  if (value !== undefined) to[key] = value as RegistryArtisan[K]
}

const alreadyRegistered = (): Refusal => ({
  code: 'already_registered',
  message: "L'artisan est déjà immatriculé au registre national : étape refusée.",
})

/** The NIA as the registry stores it: no spaces or separators, upper-case. */
export const normaliseNia = (nia: string): string => nia.replace(/[\s\-./]/g, '').toUpperCase()

function applyStep(state: RegistryArtisan, step: StepChange): Refusal | null {
  const on = step.happenedOn
  switch (step.step) {
    case 'identified':
      return null
    case 'rna_submitted':
      if (state.rnaStatus === 'registered') return alreadyRegistered()
      state.rnaStatus = 'submitted'
      state.rnaSubmittedAt = on
      state.rnaRejectionReason = null
      return null
    case 'rna_registered': {
      const nia = normaliseNia(step.nia ?? '')
      if (!NIA_PATTERN.test(nia))
        return { code: 'nia_required', message: "L'étape « immatriculé » demande un NIA valide." }
      if (state.rnaStatus === 'registered' && state.nia !== nia) return alreadyRegistered()
      state.rnaStatus = 'registered'
      state.nia = nia
      state.rnaRegisteredAt = on
      state.rnaRejectionReason = null
      return null
    }
    case 'rna_rejected':
      if (state.rnaStatus === 'registered') return alreadyRegistered()
      state.rnaStatus = 'rejected'
      state.rnaRejectionReason = step.reason ?? null
      return null
    case 'cnss_pre_registered':
      state.coverStatus = 'cnss_pre_registered'
      state.cnssNumber = step.cnssNumber ?? state.cnssNumber
      state.coverAt = on
      return null
    case 'amo_covered':
    case 'other_cover':
      state.coverStatus = step.step
      state.coverAt = on
      return null
    case 'bank_referred':
    case 'bank_opened':
      state.bankStatus = step.step === 'bank_referred' ? 'referred' : 'opened'
      state.bankPartner = step.bank ?? state.bankPartner
      state.bankAt = on
      return null
  }
}

/**
 * `rnaStatus` in a change asks for review ('pending') or withdraws the request
 * ('identified'). It is ignored once the file is with the registry (submitted) or
 * registered: the registry's decision is not the desk's to undo.
 */
function applyRequestedStatus(state: RegistryArtisan, requested: ArtisanChange['rnaStatus']) {
  if (requested === undefined || requested === state.rnaStatus) return
  if (state.rnaStatus === 'submitted' || state.rnaStatus === 'registered') return
  state.rnaStatus = requested
  state.rnaRejectionReason = null
}

/** The state after a desk's change (a copy); or why the change is refused. */
export function applyChange(
  before: RegistryArtisan,
  change: ArtisanChange,
): RegistryArtisan | Refusal {
  const state: RegistryArtisan = { ...before, secondaryActivities: [...before.secondaryActivities] }
  for (const key of FIELD_NAMES) copyField(state, change, key)
  applyRequestedStatus(state, change.rnaStatus)
  const refusal = change.step ? applyStep(state, change.step) : null
  return refusal ?? state
}

export const isRefusal = (value: RegistryArtisan | Refusal): value is Refusal => 'code' in value

/** Files in these states wait for the registry's decision. */
export const IN_REVIEW = new Set<RegistryArtisan['rnaStatus']>(['pending', 'submitted'])
