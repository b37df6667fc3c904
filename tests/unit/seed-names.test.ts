import { describe, expect, it } from 'vitest'
import corpus from '../../resources/seed/names.json'
import { normalizeName } from '@shared/text/normalize'

/**
 * The name corpus that test data and benchmarks draw from (resources/seed/names.json):
 * Moroccan first and family names, Arabic and Amazigh, with the Latin spellings found on
 * CINs and a weight for how common each is.
 */
interface SeedName {
  ar: string
  lat: string[]
  weight: number
}
const lists: Record<'maleFirst' | 'femaleFirst' | 'family', SeedName[]> = {
  maleFirst: corpus.maleFirst,
  femaleFirst: corpus.femaleFirst,
  family: corpus.family,
}

/**
 * Latin variants that normalizeName deliberately does not fold onto the entry's first
 * spelling (see foldLatinName): they stay in the corpus because clerks do write them, and
 * they give the generated data the variation a real register has.
 */
const NOT_FOLDED: Record<string, string[]> = {
  // An initial L is too often a root letter (Latifa, Lamia, Lahlou) to be read as the article.
  'L- written for the article': [
    'Lamrani',
    'Lazrak',
    'Lalami',
    'Laraichi',
    'Lyazidi',
    'Laaroussi',
    'Laraki',
    'Lamine',
    'Lachgar',
    'Labyad',
    'El Arbi',
    'El Habib',
  ],
  // Elided vowels make other words: folding them would need a dictionary, not a rule.
  'Moroccan short form without its first vowel': [
    'Issa',
    'Thami',
    'Boujmaa',
    'Abdelkebir',
    'Boubaker',
  ],
  // e and a are one letter to the folding, i is another: Khalid/Khaled would otherwise drag
  // Hamid (حميد) and Hamed (حامد), Salim and Salem together.
  'vowel quality (i against e or a, o against a)': [
    'Malek',
    'Hatem',
    'Sabir',
    'Mahir',
    'Yassir',
    'Abdelmalik',
    'Fatime',
    'Latefa',
    'Nesrine',
    'Rida',
    'Zohra',
    'Zohour',
    'Rokia',
    'Soumaya',
    'Zoubaida',
    'Fawzia',
    'Massoud',
    'Soulaimane',
    'Taib',
    'Wael',
  ],
  // Elias and Elham are names, not El + ias: the attached-article rule spares them.
  'El- names that are not the article': ['Elyas', 'Elham'],
  // Fayçal typed without its cedilla reads as a hard c.
  'ç typed as c': ['Faycal'],
}
const excluded = new Set(Object.values(NOT_FOLDED).flat())

const ARABIC_NAME = /^[\u0621-\u063A\u0641-\u064A]+(?: [\u0621-\u063A\u0641-\u064A]+)*$/
const LATIN_NAME = /^\p{Script=Latin}+(?:[ '-]\p{Script=Latin}+)*$/u

describe('the seed name corpus', () => {
  it('is version 1 with enough names for realistic data', () => {
    expect(corpus.version).toBe(1)
    expect(lists.maleFirst.length).toBeGreaterThanOrEqual(120)
    expect(lists.femaleFirst.length).toBeGreaterThanOrEqual(120)
    expect(lists.family.length).toBeGreaterThanOrEqual(300)
  })

  describe.each(Object.entries(lists))('%s', (_list, entries) => {
    it('writes every Arabic name in Arabic letters only, words separated by one space', () => {
      const bad = entries.filter((e) => !ARABIC_NAME.test(e.ar)).map((e) => e.ar)
      expect(bad).toEqual([])
    })

    it('writes every Latin spelling in Latin letters only (with spaces, hyphens, apostrophes)', () => {
      const bad = entries.flatMap((e) => e.lat.filter((l) => !LATIN_NAME.test(l)))
      expect(bad).toEqual([])
    })

    it('has no Arabic name twice', () => {
      const seen = new Set<string>()
      const twice = entries.filter((e) => seen.size === seen.add(e.ar).size).map((e) => e.ar)
      expect(twice).toEqual([])
    })

    it('gives every name at least one distinct Latin spelling and a positive integer weight', () => {
      for (const e of entries) {
        expect(e.lat.length, e.ar).toBeGreaterThan(0)
        expect(new Set(e.lat).size, e.ar).toBe(e.lat.length)
        expect(Number.isInteger(e.weight) && e.weight > 0, e.ar).toBe(true)
      }
    })

    it('folds the spelling variants of one name to one key', () => {
      const apart = entries.flatMap((e) => {
        const key = normalizeName(e.lat[0] ?? '')
        return e.lat
          .filter((l) => !excluded.has(l) && normalizeName(l) !== key)
          .map((l) => `${e.ar}: ${l} → ${normalizeName(l)}, not ${key}`)
      })
      expect(apart).toEqual([])
    })
  })

  it('lists only exclusions that exist and that really stay apart', () => {
    const all = Object.values(lists).flat()
    for (const variant of excluded) {
      const owners = all.filter((e) => e.lat.includes(variant))
      expect(owners.length, variant).toBeGreaterThan(0)
      for (const e of owners) {
        expect(normalizeName(variant), variant).not.toBe(normalizeName(e.lat[0] ?? ''))
      }
    }
  })

  it('is skewed like a real register: a few very common names, most of them rare', () => {
    const byWeight = (entries: SeedName[]) => [...entries].sort((a, b) => b.weight - a.weight)
    const top = (entries: SeedName[], ...latin: string[]) =>
      byWeight(entries)
        .slice(0, 12)
        .flatMap((e) => e.lat)
        .filter((l) => latin.includes(l))
    expect(top(lists.maleFirst, 'Mohamed', 'Ahmed', 'Youssef', 'Rachid')).toHaveLength(4)
    expect(top(lists.femaleFirst, 'Fatima', 'Khadija')).toHaveLength(2)
    expect(top(lists.family, 'El Alaoui', 'Bennani', 'El Idrissi')).toHaveLength(3)
    for (const entries of Object.values(lists)) {
      const weights = entries.map((e) => e.weight).sort((a, b) => a - b)
      const median = weights[Math.floor(weights.length / 2)] ?? 0
      expect(weights[weights.length - 1]).toBeGreaterThanOrEqual(5 * median)
    }
    const familyTotal = lists.family.reduce((sum, e) => sum + e.weight, 0)
    const rare = lists.family.filter((e) => e.weight <= 3)
    expect(rare.length).toBeGreaterThan(lists.family.length / 2)
    expect(byWeight(lists.family)[0]?.weight).toBeLessThan(familyTotal / 20)
  })

  it('includes Amazigh names and the Ben, Aït and El families', () => {
    const family = lists.family.flatMap((e) => e.lat)
    for (const name of ['Amziane', 'Ouali', 'Bennani', 'El Idrissi', 'Tazi', 'Ait Baha']) {
      expect(family).toContain(name)
    }
    expect(family.filter((l) => l.startsWith('Ait ')).length).toBeGreaterThanOrEqual(10)
    expect(family.filter((l) => l.startsWith('Ben')).length).toBeGreaterThanOrEqual(30)
  })
})
