/** SQL column lists with the API's names, so rows come out ready for the contract. */
export const SUMMARY_COLUMNS = `
  id, cin, nia,
  first_name_ar AS firstNameAr, last_name_ar AS lastNameAr,
  first_name_lat AS firstNameLat, last_name_lat AS lastNameLat,
  organisation_name AS organisationName, actor_type AS actorType,
  phone, birth_date AS birthDate, commune_code AS communeCode, main_activity AS mainActivity,
  rna_status AS rnaStatus, cover_status AS coverStatus, bank_status AS bankStatus`

export const FILE_COLUMNS = `${SUMMARY_COLUMNS},
  num, sex, birth_place AS birthPlace, phone2, region_code AS regionCode,
  province_code AS provinceCode, address, organisation_legal_id AS organisationLegalId,
  practice, workplace_address AS workplaceAddress, qualification,
  practice_years AS practiceYears, qualification_detail AS qualificationDetail,
  evidence_json AS evidenceJson, consent_at AS consentAt, notes,
  rna_submitted_at AS rnaSubmittedAt, rna_registered_at AS rnaRegisteredAt,
  rna_rejection_reason AS rnaRejectionReason, cnss_number AS cnssNumber, cover_at AS coverAt,
  bank_partner AS bankPartner, bank_at AS bankAt, created_at AS createdAt,
  updated_at AS updatedAt, version, server_revision AS serverRevision`
