import type { RegisterRequest, UpdateRequest } from '@shared/artisans/registration'
import type { ArtisanFile } from '@shared/artisans/records'
import type { Db } from '../../electron/services/database/open'

/** Reference codes the tests use, looked up by name in the desk's reference data. */
export interface TestCodes {
  tiznitProvince: string
  tiznitCommune: string
  carpets: string
  pottery: string
}

export function testCodes(db: Db): TestCodes {
  const one = (sql: string, ...params: string[]) => {
    const code = db
      .prepare(sql)
      .pluck()
      .get(...params) as string | undefined
    if (!code) throw new Error(`reference data lacks: ${sql} ${params.join(' ')}`)
    return code
  }
  const tiznitProvince = one(`SELECT code FROM ref_province WHERE name_fr = 'Tiznit'`)
  return {
    tiznitProvince,
    tiznitCommune: one(
      `SELECT code FROM ref_commune WHERE province_code = ? AND name_fr = 'Tiznit'`,
      tiznitProvince,
    ),
    carpets: one(
      `SELECT code FROM ref_activity WHERE name_fr LIKE '%tapis%' ORDER BY code LIMIT 1`,
    ),
    pottery: one(
      `SELECT code FROM ref_activity WHERE name_fr LIKE '%oterie%' ORDER BY code LIMIT 1`,
    ),
  }
}

/** A complete, valid registration (Tiznit, Souss-Massa), to vary per test. */
export function validRegistration(
  codes: TestCodes,
  overrides: Partial<RegisterRequest> = {},
): RegisterRequest {
  return {
    cin: 'JE123456',
    firstNameAr: 'فاطمة',
    lastNameAr: 'أوعلي',
    firstNameLat: 'Fatima',
    lastNameLat: 'Ouali',
    sex: 'F',
    birthDate: '1978-03-14',
    birthPlace: 'Tiznit',
    phone: '06 61 23 45 67',
    regionCode: '09',
    provinceCode: codes.tiznitProvince,
    communeCode: codes.tiznitCommune,
    address: 'Derb Idzagh, Tiznit',
    actorType: 'artisan',
    mainActivity: codes.carpets,
    practice: 'home',
    qualification: 'practice',
    practiceYears: 12,
    evidence: {
      cinCopy: true,
      diploma: false,
      practiceAttestation: true,
      masterAttestation: false,
    },
    consent: true,
    ...overrides,
  }
}

/** The correction request that leaves a file as it is, but for `overrides`. */
export function updateRequestOf(
  file: ArtisanFile,
  overrides: Partial<UpdateRequest> = {},
): UpdateRequest {
  return {
    id: file.id,
    expectedVersion: file.version,
    cin: file.cin ?? '',
    firstNameAr: file.firstNameAr ?? '',
    lastNameAr: file.lastNameAr ?? '',
    firstNameLat: file.firstNameLat ?? '',
    lastNameLat: file.lastNameLat ?? '',
    sex: file.sex ?? 'M',
    birthDate: file.birthDate ?? '',
    birthPlace: file.birthPlace,
    phone: file.phone ?? '',
    phone2: file.phone2 ?? '',
    regionCode: file.regionCode ?? '',
    provinceCode: file.provinceCode ?? '',
    communeCode: file.communeCode ?? '',
    address: file.address,
    actorType: file.actorType,
    organisationName: file.organisationName,
    organisationLegalId: file.organisationLegalId,
    mainActivity: file.mainActivity ?? '',
    secondaryActivities: file.secondaryActivities,
    practice: file.practice ?? 'home',
    workplaceAddress: file.workplaceAddress,
    qualification: file.qualification ?? 'practice',
    practiceYears: file.practiceYears,
    qualificationDetail: file.qualificationDetail,
    evidence: {
      cinCopy: Boolean(file.evidence.cinCopy),
      diploma: Boolean(file.evidence.diploma),
      practiceAttestation: Boolean(file.evidence.practiceAttestation),
      masterAttestation: Boolean(file.evidence.masterAttestation),
    },
    consent: true,
    notes: file.notes,
    ...overrides,
  }
}
