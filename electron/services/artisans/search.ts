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
 * an NIA goes to its exact index. Names: when every word typed is a whole word of some
 * artisan's names, the whole-word index answers (rarest word walked, the others probed);
 * otherwise a fragment is being typed and the trigram index finds it anywhere in a name.
 * Results are bounded (newest files first), so even a name shared by tens of thousands of
 * artisans answers at once; `more` tells the clerk to add a word.
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

/** Artisans having every one of `words` as a whole name word, or null if a word is unknown. */
function wholeWordMatches(db: Db, words: string[], limit: number): number[] | null {
  if (words.length === 0) return null
  const countOf = db.prepare('SELECT n FROM name_word_count WHERE word = ?').pluck()
  if (words.some((w) => !((countOf.get(w) as number | undefined) ?? 0))) return null
  return db
    .prepare(
      `SELECT rowid FROM artisan_name_words WHERE artisan_name_words MATCH ? ORDER BY rowid DESC LIMIT ?`,
    )
    .pluck()
    .all(phrase(words), limit) as number[]
}

/**
 * Whole words: the folded words (every spelling of the names typed), with the files
 * written exactly as typed first — a Latin name's words as written are in the index too —
 * then the other spellings, newest first in each group.
 */
function wholeWordSearch(db: Db, q: string, limit: number): ArtisanSummary[] | null {
  const plain =
    detectScript(q) === 'latin'
      ? [
          ...new Set(
            normalizeLatin(q)
              .split(' ')
              .filter((w) => w.length >= 2),
          ),
        ]
      : []
  const tokens = nameTokens(q)
  const exact = wholeWordMatches(db, plain, limit)
  const folded = plain.join(' ') === tokens.join(' ') ? exact : wholeWordMatches(db, tokens, limit)
  if (exact === null && folded === null) return null
  const nums = [...new Set([...(exact ?? []), ...(folded ?? [])])].slice(0, limit)
  if (exact === null || folded === null || nums.length === 0) return summariesOf(db, nums)
  const rows = db
    .prepare(
      `SELECT num, ${SUMMARY_COLUMNS} FROM artisan WHERE num IN (${nums.map(() => '?').join(', ')})
         AND deleted_at IS NULL`,
    )
    .all(...nums) as (ArtisanSummary & { num: number })[]
  const byNum = new Map(rows.map(({ num, ...row }) => [num, row]))
  return nums.flatMap((num) => byNum.get(num) ?? [])
}

/** The files behind index hits, newest first. Two steps on purpose: inside an IN
 * subquery SQLite no longer lets FTS5 stop at the LIMIT, and reads every match. */
function summariesOf(db: Db, nums: number[]): ArtisanSummary[] {
  if (nums.length === 0) return []
  return db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM artisan WHERE num IN (${nums.map(() => '?').join(', ')})
         AND deleted_at IS NULL ORDER BY num DESC`,
    )
    .all(...nums) as ArtisanSummary[]
}

export function searchArtisans(db: Db, raw: string, limit = DEFAULT_LIMIT): SearchResult {
  const started = performance.now()
  const done = (kind: SearchResult['kind'], rows: ArtisanSummary[]): SearchResult => ({
    kind,
    ...bounded(rows, limit),
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  })
  // Control characters (a NUL pasted or sent through the API) are no part of a name.
  const q = cleanText(raw.replace(/\p{Cc}/gu, ' '))
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
  const whole = wholeWordSearch(db, q, limit + 1)
  if (whole) return done('name', whole)
  const match = nameQuery(q)
  if (!match) return done('too_short', [])
  const nums = db
    .prepare(
      `SELECT rowid FROM artisan_name_fts WHERE artisan_name_fts MATCH ? ORDER BY rowid DESC LIMIT ?`,
    )
    .pluck()
    .all(match, limit + 1) as number[]
  return done('name', summariesOf(db, nums))
}
