import type { Identification } from '@shared/artisans/identification'
import type { HeldReason, PersonSide } from '@shared/api/methods/imports'
import { remembered } from '@shared/text/memo'
import { normalizeName } from '@shared/text/normalize'
import type { Db } from '../database/open'
import { similarNames, type Names } from '../artisans/duplicates'

/**
 * Matches the rows of an import batch to the files already in the register, read for a
 * whole batch at once. A row is the file it matches only when nothing says otherwise:
 *
 * - the same CIN, with no conflicting family name (in every script both sides write) and
 *   no other birth date, is the same person;
 * - when the row or the file has no CIN: the same phone with a similar name and the same
 *   birth date, or with the same family name, is the same person (the counter's rules).
 *
 * Two national ID numbers are never the same person without a human decision: a row whose
 * CIN differs from the CIN of the file it would otherwise match — and a row with a file's
 * CIN but another family name or birth date — is **held** for a person to decide, never
 * created and never folded in. A row with a CIN that matches a file **without** one is held
 * too (`file_without_cin`): folded in, its CIN would be stored nowhere; a person adds it to
 * the file, registers the row as another person, or skips it. Only a row without a CIN is
 * matched by phone and name alone. Files created earlier in the batch are matched too, so a
 * list that names someone twice creates one file.
 */
interface Candidate extends Names {
  id: string
  cin: string | null
  phone: string | null
  birthDate: string | null
}

export type Match =
  | { kind: 'same'; id: string }
  | { kind: 'held'; reason: HeldReason; file: PersonSide & { id: string } }
  | null

const side = (c: Candidate): PersonSide & { id: string } => ({
  id: c.id,
  cin: c.cin ?? null,
  firstNameAr: c.firstNameAr ?? null,
  lastNameAr: c.lastNameAr ?? null,
  firstNameLat: c.firstNameLat ?? null,
  lastNameLat: c.lastNameLat ?? null,
  phone: c.phone ?? null,
  birthDate: c.birthDate ?? null,
})

export function createMatcher(db: Db) {
  const byCin = new Map<string, Candidate>()
  const byPhone = new Map<string, Candidate[]>()
  const remember = (phone: string | null, candidate: Candidate) => {
    if (phone) byPhone.set(phone, [...(byPhone.get(phone) ?? []), candidate])
  }
  const columns = `id, cin, phone, phone2, birth_date AS birthDate,
    first_name_ar AS firstNameAr, last_name_ar AS lastNameAr,
    first_name_lat AS firstNameLat, last_name_lat AS lastNameLat`
  const byCins = db.prepare(
    `SELECT ${columns} FROM artisan WHERE cin IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
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
      for (const r of byCins.all(JSON.stringify(cins)) as Candidate[]) byCin.set(r.cin ?? '', r)
      for (const r of byPhones.all({ phones: JSON.stringify(phones) }) as (Candidate & {
        phone2: string | null
      })[]) {
        remember(r.phone, r)
        if (r.phone2 !== r.phone) remember(r.phone2, r)
      }
    },

    /** The file this row describes, a file it conflicts with (held), or nothing (new). */
    match(row: Identification): Match {
      const sameCin = row.cin ? byCin.get(row.cin) : undefined
      if (sameCin) {
        const conflict = identityConflict(row, sameCin)
        return conflict
          ? { kind: 'held', reason: conflict, file: side(sameCin) }
          : { kind: 'same', id: sameCin.id }
      }
      let held: Match = null
      for (const c of row.phone ? (byPhone.get(row.phone) ?? []) : []) {
        const bornSame = row.birthDate !== null && row.birthDate === c.birthDate
        if (!((bornSame && similarNames(row, c)) || sameFamilyName(row, c))) continue
        // No CIN on the row (or the file's own): nothing of the row is lost by matching.
        if (!row.cin || row.cin === c.cin) return { kind: 'same', id: c.id }
        // The row's CIN is not the file's, nor any file's (see above): a person decides.
        held ??= { kind: 'held', reason: c.cin ? 'other_cin' : 'file_without_cin', file: side(c) }
      }
      return held
    },

    /** A file created from a row of this batch, for the rows after it. */
    created(row: Identification, id: string): void {
      const candidate: Candidate = { ...row, id }
      if (row.cin) byCin.set(row.cin, candidate)
      remember(row.phone, candidate)
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

const wordsOf = remembered(
  (name): ReadonlySet<string> => new Set(normalizeName(name).split(' ').filter(Boolean)),
)

/** Whether two family names share a word after normalisation (spelling variants meet). */
function familyNamesMeet(a: string, b: string): boolean {
  const other = wordsOf(b)
  for (const w of wordsOf(a)) if (other.has(w)) return true
  return false
}

/**
 * Why a row carrying a file's CIN may not be that file: another birth date, or a family
 * name that differs in every script both sides write. Spelling variants are not conflicts.
 */
function identityConflict(row: Identification, file: Candidate): HeldReason | null {
  if (row.birthDate && file.birthDate && row.birthDate !== file.birthDate)
    return 'same_cin_other_birth'
  let compared = false
  for (const [a, b] of [
    [row.lastNameAr, file.lastNameAr],
    [row.lastNameLat, file.lastNameLat],
  ] as const) {
    if (!a || !b) continue
    if (familyNamesMeet(a, b)) return null
    compared = true
  }
  return compared ? 'same_cin_other_name' : null
}
