import type { ArtisanSummary, SearchResult } from '@shared/artisans/records'
import { cleanText } from '@shared/text/fields'
import { detectScript, nameTokens, normalizeLatin } from '@shared/text/normalize'
import { compactCin, looksLikeCin, parseCin } from '@shared/validation/cin'
import { parseNia } from '@shared/validation/nia'
import { parseMoroccanPhone } from '@shared/validation/phone'
import type { Db } from '../database/open'
import { SUMMARY_COLUMNS } from './columns'

/**
 * Counter search: one box, whatever the clerk types. A CIN, a phone number (any format) or
 * an NIA goes to its exact index; anything else is a name fragment matched through the
 * trigram index. Results are bounded (newest files first), so even a name shared by tens
 * of thousands of artisans answers at once; `more` tells the clerk to add a word.
 */
export const DEFAULT_LIMIT = 50
const MIN_TOKEN = 3

const phrase = (tokens: string[]) => tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ')

/**
 * Name tokens of the query, folded (spelling variants meet) and, for Latin text, also as
 * typed (a fragment cut in the middle of a folded form still matches); either may match.
 */
export function nameQuery(q: string): string | null {
  const long = (tokens: string[]) => tokens.filter((t) => t.length >= MIN_TOKEN)
  const folded = long(nameTokens(q))
  const plain = detectScript(q) === 'latin' ? long(normalizeLatin(q).split(' ')) : []
  const alternatives = [folded, plain].filter((t) => t.length > 0).map(phrase)
  const unique = [...new Set(alternatives)]
  if (unique.length === 0) return null
  return unique.length === 1 ? (unique[0] as string) : unique.map((a) => `(${a})`).join(' OR ')
}

function bounded(
  rows: ArtisanSummary[],
  limit: number,
): { items: ArtisanSummary[]; more: boolean } {
  return { items: rows.slice(0, limit), more: rows.length > limit }
}

export function searchArtisans(db: Db, raw: string, limit = DEFAULT_LIMIT): SearchResult {
  const started = performance.now()
  const done = (kind: SearchResult['kind'], rows: ArtisanSummary[]): SearchResult => ({
    kind,
    ...bounded(rows, limit),
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  })
  const q = cleanText(raw)
  if (!q) return done('empty', [])
  const select = (where: string, ...params: unknown[]) =>
    db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM artisan WHERE deleted_at IS NULL AND (${where}) ORDER BY num DESC LIMIT ?`,
      )
      .all(...params, limit + 1) as ArtisanSummary[]

  const cin = parseCin(q)
  if (cin) {
    const rows = select('cin = ?', cin)
    if (rows.length > 0) return done('cin', rows)
    const byNia = select('nia = ?', cin)
    return done(byNia.length ? 'nia' : 'cin', byNia)
  }
  const phone = parseMoroccanPhone(q)
  if (phone) return done('phone', select('phone = ? OR phone2 = ?', phone, phone))
  const nia = parseNia(q)
  if (nia) {
    const rows = select('nia = ?', nia)
    if (rows.length > 0 || /^\d+$/.test(nia)) return done('nia', rows)
  }
  if (looksLikeCin(q) && compactCin(q).length >= 3) {
    const prefix = compactCin(q)
    return done('cin', select('cin >= ? AND cin < ?', prefix, `${prefix}\uffff`))
  }
  const match = nameQuery(q)
  if (!match) return done('too_short', [])
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM artisan
       WHERE num IN (SELECT rowid FROM artisan_name_fts WHERE artisan_name_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
         AND deleted_at IS NULL
       ORDER BY num DESC`,
    )
    .all(match, limit + 1) as ArtisanSummary[]
  return done('name', rows)
}
