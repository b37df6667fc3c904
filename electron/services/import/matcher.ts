import type { Identification } from '@shared/artisans/identification'
import type { Db } from '../database/open'
import { similarNames, type Names } from '../artisans/duplicates'

/**
 * Matches the rows of an import batch to the files already in the register — the same
 * rules as the counter's duplicate check, read for a whole batch at once: the same CIN is
 * the same person; so is the same phone with a similar name and the same birth date, or
 * with the same family name. Files created earlier in the batch are matched too, so a list
 * that names someone twice creates one file.
 */
interface Candidate extends Names {
  id: string
  birthDate: string | null
}

export function createMatcher(db: Db) {
  const byCin = new Map<string, string>()
  const byPhone = new Map<string, Candidate[]>()
  const remember = (phone: string | null, candidate: Candidate) => {
    if (phone) byPhone.set(phone, [...(byPhone.get(phone) ?? []), candidate])
  }
  const columns = `id, cin, phone, phone2, birth_date AS birthDate,
    first_name_ar AS firstNameAr, last_name_ar AS lastNameAr,
    first_name_lat AS firstNameLat, last_name_lat AS lastNameLat`
  const byCins = db.prepare(
    `SELECT id, cin FROM artisan WHERE cin IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
  )
  const byPhones = db.prepare(
    `SELECT ${columns} FROM artisan WHERE phone IN (SELECT value FROM json_each(@phones)) AND deleted_at IS NULL
     UNION SELECT ${columns} FROM artisan WHERE phone2 IN (SELECT value FROM json_each(@phones)) AND deleted_at IS NULL`,
  )

  return {
    /** Reads the files the batch's CINs and phones may match (one query each). */
    prefetch(rows: Identification[]): void {
      byCin.clear()
      byPhone.clear()
      const cins = rows.flatMap((r) => (r.cin ? [r.cin] : []))
      const phones = rows.flatMap((r) => (r.phone ? [r.phone] : []))
      for (const r of byCins.all(JSON.stringify(cins)) as { id: string; cin: string }[])
        byCin.set(r.cin, r.id)
      for (const r of byPhones.all({ phones: JSON.stringify(phones) }) as (Candidate & {
        phone: string | null
        phone2: string | null
      })[]) {
        remember(r.phone, r)
        if (r.phone2 !== r.phone) remember(r.phone2, r)
      }
    },

    /** The id of the file this row describes, if the register (or the batch) has it. */
    match(row: Identification): string | null {
      const sameCin = row.cin ? byCin.get(row.cin) : undefined
      if (sameCin) return sameCin
      for (const c of row.phone ? (byPhone.get(row.phone) ?? []) : []) {
        const bornSame = row.birthDate !== null && row.birthDate === c.birthDate
        if ((bornSame && similarNames(row, c)) || sameFamilyName(row, c)) return c.id
      }
      return null
    },

    /** A file created from a row of this batch, for the rows after it. */
    created(row: Identification, id: string): void {
      if (row.cin) byCin.set(row.cin, id)
      remember(row.phone, { ...row, id })
    },
  }
}

/** Same phone and the same family name in either script: the same person listed again. */
function sameFamilyName(a: Names, b: Names): boolean {
  return (
    (Boolean(a.lastNameAr) && a.lastNameAr === b.lastNameAr) ||
    (Boolean(a.lastNameLat) && a.lastNameLat?.toLowerCase() === b.lastNameLat?.toLowerCase())
  )
}
