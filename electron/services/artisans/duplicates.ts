import type { Actor } from '@shared/api/roles'
import type { ArtisanSummary } from '@shared/artisans/records'
import { normalizeName } from '@shared/text/normalize'
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

const words = (...parts: (string | null | undefined)[]) =>
  new Set(
    normalizeName(parts.filter(Boolean).join(' '))
      .split(' ')
      .filter((w) => w.length >= 2),
  )

/** Names are similar when they share the family name and a first name, in either script. */
function similarNames(probe: DuplicateProbe, other: ArtisanSummary): boolean {
  const pairs: [Set<string>, Set<string>, Set<string>, Set<string>][] = [
    [
      words(probe.firstNameAr),
      words(probe.lastNameAr),
      words(other.firstNameAr),
      words(other.lastNameAr),
    ],
    [
      words(probe.firstNameLat),
      words(probe.lastNameLat),
      words(other.firstNameLat),
      words(other.lastNameLat),
    ],
  ]
  return pairs.some(([pf, pl, of, ol]) => {
    if (pl.size === 0 || ol.size === 0 || pf.size === 0 || of.size === 0) return false
    const shares = (a: Set<string>, b: Set<string>) => [...a].some((w) => b.has(w))
    return shares(pl, ol) && shares(pf, of)
  })
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
    const rows = sql(
      db,
      `SELECT ${SUMMARY_COLUMNS} FROM artisan WHERE birth_date = ? AND id != ? AND deleted_at IS NULL LIMIT 2000`,
    ).all(probe.birthDate, exclude) as ArtisanSummary[]
    for (const row of rows) if (similarNames(probe, row)) add(row, 'name_birth')
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
