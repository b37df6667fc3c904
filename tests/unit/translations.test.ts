import { describe, expect, it } from 'vitest'
import { translations } from '@shared/i18n/resources'

/**
 * Every language has the same keys and no empty string. Plural keys are compared by
 * their base name, and each language must carry every plural form its grammar uses
 * (Arabic: zero, one, two, few, many, other).
 */
type Tree = { [key: string]: string | Tree }
const PLURAL = /_(zero|one|two|few|many|other)$/

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(path, v)
    else for (const [p, s] of leaves(v, path)) out.set(p, s)
  }
  return out
}

const languages = Object.keys(translations) as (keyof typeof translations)[]
const all = Object.fromEntries(languages.map((l) => [l, leaves(translations[l] as Tree)]))
const baseKeys = (l: string) =>
  new Set([...(all[l]?.keys() ?? [])].map((k) => k.replace(PLURAL, '')))

describe('translation files', () => {
  it('offer Arabic, French and English', () => {
    expect(languages.sort()).toEqual(['ar', 'en', 'fr'])
  })

  it.each(languages)('%s has exactly the keys Arabic has', (lang) => {
    expect([...baseKeys(lang)].sort()).toEqual([...baseKeys('ar')].sort())
  })

  it.each(languages)('%s has no empty string', (lang) => {
    const empty = [...(all[lang] ?? new Map<string, string>())]
      .filter(([, v]) => v.trim() === '')
      .map(([k]) => k)
    expect(empty).toEqual([])
  })

  it.each(languages)('%s has every plural form its grammar needs', (lang) => {
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories
    const plurals = new Set(
      [...(all[lang]?.keys() ?? [])]
        .filter((k) => PLURAL.test(k))
        .map((k) => k.replace(PLURAL, '')),
    )
    expect(plurals.size).toBeGreaterThan(0)
    for (const base of plurals) {
      for (const form of forms)
        expect(all[lang]?.has(`${base}_${form}`), `${lang}: ${base}_${form}`).toBe(true)
    }
  })

  it('keeps spaced digit groups left-to-right inside Arabic sentences', () => {
    // "06 12 34 56 78" in an RTL paragraph would be shown as "78 56 34 12 06" unless isolated.
    // After Arabic letters digits become Arabic numbers (UAX #9 W2), and a hyphen no longer
    // joins them either: "القانون 09-08" would read "08-09". Dots, commas, slashes and colons do.
    const leaking = [...(all.ar ?? new Map<string, string>())].filter(([, text]) =>
      text.replace(/\u2066[^\u2069]*\u2069/g, '').match(/\d+[ +-]+\d+/),
    )
    expect(leaking.map(([k]) => k)).toEqual([])
  })
})
