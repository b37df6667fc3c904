/**
 * Recall of the name variants fixture (tests/fixtures/name-variants.json) through the real
 * counter search: every spelling of a pair is registered as its own file, beside a
 * companion name of the same script that only this pair uses (a file always has a first
 * and a family name; the companion keeps the pairs of one name — ten spellings of Mohamed —
 * from crowding each other out of the first five). The other spelling is then typed with
 * the companion, as a clerk types a whole name: a variant pair is found when the file
 * written with the other spelling is among the first five results, in both directions;
 * an "apart" pair stays apart when neither file is among the results of the other's name.
 * Shared by `npm run bench` and tests/integration/name-variants.test.ts.
 */
import type { SijillApp } from '../../electron/services/app'
import fixture from '../fixtures/name-variants.json'
import { testCodes, validRegistration, type TestCodes } from '../helpers/registration'

export interface VariantPair {
  id: number
  a: string
  b: string
  script: string
  field: string
  family: string
  source: string
}
export interface ApartPair {
  id: number
  a: string
  b: string
  why: string
  script: string
}

export const VARIANTS: readonly VariantPair[] = fixture.variants
export const APART: readonly ApartPair[] = fixture.apart

export interface NameVariantsFigures {
  /** Searches made (two per variant pair whose spellings can both be registered). */
  searches: number
  /** Searches that found the other spelling's file at rank ≤ 5. */
  found: number
  recall: number
  /** The variant pairs missed (either direction), for the report. */
  missed: VariantPair[]
  apartSearches: number
  /** Searches of an apart pair's name that returned the other name's file. */
  merged: number
  mergedPairs: ApartPair[]
  /** Search times of the recall queries, in ms. */
  times: number[]
}

const RANK = 5
const LATIN_SYLLABLES = ['ba', 'di', 'fu', 'ja', 'ki', 'lu', 'ma', 'ni', 'ru', 'sa', 'ti', 'zu']
const ARABIC_LETTERS = [...'بتجدذرزطظفقكلمنضغ']

/** A made-up name (never a real one, never another companion after folding) for pair n. */
export function companion(n: number, script: string): string {
  if (script === 'arabic') {
    const l = ARABIC_LETTERS
    const k = l.length
    return `ظ${l[n % k]}${l[Math.floor(n / k) % k]}${l[Math.floor(n / (k * k)) % k]}ث`
  }
  const s = LATIN_SYLLABLES
  const k = s.length
  const word = `Q${s[n % k]}${s[Math.floor(n / k) % k]}${s[Math.floor(n / (k * k)) % k]}x`
  return word.charAt(0) + word.slice(1).toLowerCase()
}

let cinSerial = 0
const nextCin = () => `QV${String(100000 + cinSerial++)}`

/** Registers one file carrying `spelling` in `field`, or returns null if the form refuses it. */
async function registerWith(
  app: SijillApp,
  codes: TestCodes,
  spelling: string,
  field: string,
  script: string,
  tag: string,
): Promise<string | null> {
  const arabicTag = script === 'arabic' ? tag : companion(9000 + cinSerial, 'arabic')
  const latinTag = script === 'latin' ? tag : companion(9000 + cinSerial, 'latin')
  const names =
    script === 'arabic'
      ? field === 'given'
        ? { firstNameAr: spelling, lastNameAr: arabicTag }
        : { firstNameAr: arabicTag, lastNameAr: spelling }
      : field === 'given'
        ? { firstNameLat: spelling, lastNameLat: latinTag }
        : { firstNameLat: latinTag, lastNameLat: spelling }
  const other = script === 'arabic' ? { firstNameLat: latinTag, lastNameLat: latinTag } : {}
  const otherAr = script === 'latin' ? { firstNameAr: arabicTag, lastNameAr: arabicTag } : {}
  try {
    const { id } = await app.direct().call(
      'artisans.register',
      validRegistration(codes, {
        cin: nextCin(),
        phone: `07${String(10000000 + cinSerial)}`,
        ...other,
        ...otherAr,
        ...names,
      }),
    )
    return id
  } catch {
    return null
  }
}

async function rankOf(
  app: SijillApp,
  query: string,
  id: string,
  times: number[],
): Promise<number | null> {
  const started = process.hrtime.bigint()
  const result = await app.direct().call('artisans.search', { query })
  times.push(Number(process.hrtime.bigint() - started) / 1e6)
  const index = result.items.findIndex((item) => item.id === id)
  return index < 0 ? null : index + 1
}

const queryOf = (spelling: string, field: string, tag: string) =>
  field === 'given' ? `${spelling} ${tag}` : `${tag} ${spelling}`

/** Registers the fixture's spellings into `app` (a set-up desk) and measures recall. */
export async function measureNameVariants(app: SijillApp): Promise<NameVariantsFigures> {
  const codes = testCodes(app.db)
  const figures: NameVariantsFigures = {
    searches: 0,
    found: 0,
    recall: 0,
    missed: [],
    apartSearches: 0,
    merged: 0,
    mergedPairs: [],
    times: [],
  }
  let n = 0
  const planned: { pair: VariantPair; tag: string; idA: string | null; idB: string | null }[] = []
  for (const pair of VARIANTS) {
    const tag = companion(n++, pair.script)
    const idA = await registerWith(app, codes, pair.a, pair.field, pair.script, tag)
    const idB = await registerWith(app, codes, pair.b, pair.field, pair.script, tag)
    planned.push({ pair, tag, idA, idB })
  }
  for (const { pair, tag, idA, idB } of planned) {
    let missed = false
    for (const [query, target] of [
      [pair.b, idA],
      [pair.a, idB],
    ] as const) {
      if (target === null) continue
      figures.searches++
      const rank = await rankOf(app, queryOf(query, pair.field, tag), target, figures.times)
      if (rank !== null && rank <= RANK) figures.found++
      else missed = true
    }
    if (missed) figures.missed.push(pair)
  }
  figures.recall = figures.searches ? figures.found / figures.searches : 0

  const apartPlanned: { pair: ApartPair; tag: string; idA: string | null; idB: string | null }[] =
    []
  for (const pair of APART) {
    const tag = companion(n++, pair.script)
    const field = 'given'
    const idA = await registerWith(app, codes, pair.a, field, pair.script, tag)
    const idB = await registerWith(app, codes, pair.b, field, pair.script, tag)
    apartPlanned.push({ pair, tag, idA, idB })
  }
  for (const { pair, tag, idA, idB } of apartPlanned) {
    let merged = false
    for (const [query, other] of [
      [pair.a, idB],
      [pair.b, idA],
    ] as const) {
      if (other === null) continue
      figures.apartSearches++
      if ((await rankOf(app, queryOf(query, 'given', tag), other, [])) !== null) {
        figures.merged++
        merged = true
      }
    }
    if (merged) figures.mergedPairs.push(pair)
  }
  return figures
}
