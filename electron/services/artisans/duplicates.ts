import type { Actor } from '@shared/api/roles'
import type { ArtisanSummary } from '@shared/artisans/records'
import { remembered } from '@shared/text/memo'
import { familyNameVariants, normalizeName } from '@shared/text/normalize'
import { parseCin } from '@shared/validation/cin'
import { parseMoroccanPhone } from '@shared/validation/phone'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { recordChange } from '../database/record-change'
import { SUMMARY_COLUMNS } from './columns'
import { sql } from '../database/statements'

/**
 * Duplicate detection while a file is typed, and on import. Same CIN: the same person,
 * registration refused. Same phone, or the same birth date with a similar name (after
 * normalisation: spelling variants meet): probably the same person, shown side by side.
 * A "not the same person" decision silences a pair for good.
 */
export interface DuplicateProbe {
  cin?: string
  phone?: string
  birthDate?: string
  firstNameAr?: string
  lastNameAr?: string
  firstNameLat?: string
  lastNameLat?: string
  /** The file being edited, never its own duplicate. */
  excludeId?: string
}

export type DuplicateReason = 'phone' | 'name_birth'

export interface DuplicateCandidates {
  sameCin: ArtisanSummary | null
  similar: { artisan: ArtisanSummary; reasons: DuplicateReason[] }[]
}

/** The words of one name (two letters or more), remembered: names repeat endlessly. */
const wordsOf = remembered(
  (name): ReadonlySet<string> =>
    new Set(
      normalizeName(name)
        .split(' ')
        .filter((w) => w.length >= 2),
    ),
)
const NO_WORDS: ReadonlySet<string> = new Set()
const words = (name: string | null | undefined) => (name ? wordsOf(name) : NO_WORDS)
/** A Latin family name's words and its L-article keys (Lamrani = El Amrani). */
const familyWordsOf = remembered(
  (name): ReadonlySet<string> => new Set([...wordsOf(name), ...familyNameVariants(name)]),
)
const familyWords = (name: string | null | undefined) => (name ? familyWordsOf(name) : NO_WORDS)

export interface Names {
  firstNameAr?: string | null
  lastNameAr?: string | null
  firstNameLat?: string | null
  lastNameLat?: string | null
}

const shares = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  for (const w of a) if (b.has(w)) return true
  return false
}

/**
 * Names are similar when they share the family name and a first name, in either script.
 * The family name is compared first: most candidates differ there.
 */
export function similarNames(p: Names, o: Names): boolean {
  return (
    (shares(words(p.lastNameAr), words(o.lastNameAr)) &&
      shares(words(p.firstNameAr), words(o.firstNameAr))) ||
    (shares(familyWords(p.lastNameLat), familyWords(o.lastNameLat)) &&
      shares(words(p.firstNameLat), words(o.firstNameLat)))
  )
}

function decidedNotSame(db: Db, a: string, b: string): boolean {
  const [x, y] = a < b ? [a, b] : [b, a]
  return (
    sql(db, 'SELECT 1 FROM duplicate_decision WHERE a_id = ? AND b_id = ?').get(x, y) !== undefined
  )
}

export function findDuplicates(db: Db, probe: DuplicateProbe): DuplicateCandidates {
  const exclude = probe.excludeId ?? ''
  const cin = probe.cin ? parseCin(probe.cin) : null
  const sameCin = cin
    ? ((sql(
        db,
        `SELECT ${SUMMARY_COLUMNS} FROM artisan WHERE cin = ? AND id != ? AND deleted_at IS NULL`,
      ).get(cin, exclude) as ArtisanSummary | undefined) ?? null)
    : null

  const found = new Map<string, { artisan: ArtisanSummary; reasons: DuplicateReason[] }>()
  const add = (artisan: ArtisanSummary, reason: DuplicateReason) => {
    if (artisan.id === sameCin?.id) return
    if (probe.excludeId && decidedNotSame(db, probe.excludeId, artisan.id)) return
    const entry = found.get(artisan.id) ?? { artisan, reasons: [] }
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason)
    found.set(artisan.id, entry)
  }
  const phone = probe.phone ? parseMoroccanPhone(probe.phone) : null
  if (phone) {
    const rows = sql(
      db,
      `SELECT ${SUMMARY_COLUMNS} FROM artisan WHERE (phone = ? OR phone2 = ?) AND id != ? AND deleted_at IS NULL LIMIT 20`,
    ).all(phone, phone, exclude) as ArtisanSummary[]
    for (const row of rows) add(row, 'phone')
  }
  if (probe.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(probe.birthDate)) {
    // Names only first (most files born that day are other people), the summary for matches.
    const born = sql(
      db,
      `SELECT id, first_name_ar AS firstNameAr, last_name_ar AS lastNameAr,
         first_name_lat AS firstNameLat, last_name_lat AS lastNameLat
       FROM artisan WHERE birth_date = ? AND id != ? AND deleted_at IS NULL LIMIT 2000`,
    ).all(probe.birthDate, exclude) as (Names & { id: string })[]
    const summary = sql(db, `SELECT ${SUMMARY_COLUMNS} FROM artisan WHERE id = ?`)
    for (const row of born) {
      if (similarNames(probe, row)) add(summary.get(row.id) as ArtisanSummary, 'name_birth')
    }
  }
  return { sameCin, similar: [...found.values()].slice(0, 10) }
}

/** Records that two files are different people; the warning stops for that pair. */
export function markNotSame(db: Db, actor: Actor, a: string, b: string): void {
  const [x, y] = a < b ? [a, b] : [b, a]
  const at = nowIso()
  db.transaction(() => {
    sql(
      db,
      `INSERT OR IGNORE INTO duplicate_decision (a_id, b_id, decision, actor_id, decided_at) VALUES (?, ?, 'not_same', ?, ?)`,
    ).run(x, y, actor.id, at)
    recordChange(db, actor, at, {
      action: 'artisan.not_duplicate',
      entityType: 'artisan',
      entityId: x,
      before: null,
      after: { notSameAs: y },
    })
  })()
}
