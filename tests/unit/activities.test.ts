import { describe, expect, it } from 'vitest'
import seed from '../../resources/reference/activities.json'
import {
  ActivitySeedSchema,
  flattenActivities,
  type ActivitySeed,
} from '@shared/reference/activities'

/** The seed nomenclature of craft activities (decree 2.21.991) holds together. */
const parsed: ActivitySeed = ActivitySeedSchema.parse(seed)
const activities = flattenActivities(parsed)
const branches = parsed.categories.flatMap((c) => c.branches)

const ARABIC = /[\u0600-\u06FF]/
const LATIN = /[A-Za-z\u00C0-\u024F]/

function names(): Array<{ code: string; nameAr: string; nameFr: string }> {
  return [...parsed.categories, ...branches, ...activities]
}

describe('the seed nomenclature of craft activities', () => {
  it('parses with the seed schema', () => {
    expect(ActivitySeedSchema.safeParse(seed).success).toBe(true)
  })

  it('has exactly 2 categories, production then services, and 13 branches', () => {
    expect(parsed.categories.map((c) => c.code)).toEqual(['P', 'S'])
    expect(branches).toHaveLength(13)
  })

  it(`counts ${activities.length} activities, at least 120`, () => {
    expect(activities.length).toBeGreaterThanOrEqual(120)
  })

  it('gives every category, branch and activity a unique code prefixed by its parents', () => {
    const codes = names().map((n) => n.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const category of parsed.categories) {
      for (const branch of category.branches) {
        expect(branch.code).toMatch(new RegExp(`^${category.code}\\d{2}$`))
        for (const activity of branch.activities) {
          expect(activity.code).toMatch(new RegExp(`^${branch.code}\\.\\d{3}$`))
        }
      }
    }
  })

  it('keeps kinds consistent with the category', () => {
    for (const activity of activities) {
      if (activity.categoryCode === 'P') {
        expect(['artistic', 'utilitarian']).toContain(activity.kind)
      } else {
        expect(activity.kind).toBe('service')
      }
    }
  })

  it('writes Arabic names in Arabic letters with no Latin', () => {
    for (const n of names()) {
      expect(n.nameAr, n.code).toMatch(ARABIC)
      expect(n.nameAr, n.code).not.toMatch(LATIN)
    }
  })

  it('writes French names in Latin letters with no Arabic', () => {
    for (const n of names()) {
      expect(n.nameFr, n.code).toMatch(LATIN)
      expect(n.nameFr, n.code).not.toMatch(ARABIC)
    }
  })

  it('has no duplicate names within a branch', () => {
    for (const branch of branches) {
      const ar = branch.activities.map((a) => a.nameAr)
      const fr = branch.activities.map((a) => a.nameFr.toLowerCase())
      expect(new Set(ar).size, branch.code).toBe(ar.length)
      expect(new Set(fr).size, branch.code).toBe(fr.length)
    }
  })

  it('flattens every activity with its branch and category codes', () => {
    const total = branches.reduce((sum, b) => sum + b.activities.length, 0)
    expect(activities).toHaveLength(total)
    for (const activity of activities) {
      expect(activity.code.startsWith(`${activity.branchCode}.`)).toBe(true)
      expect(activity.branchCode.startsWith(activity.categoryCode)).toBe(true)
    }
  })

  it.each([
    ['carpets', 'P', /زربية|زرابي/, /tapis/i],
    ['pottery', 'P', /فخار/, /poterie/i],
    ['zellige', 'P', /زليج/, /zellige/i],
    ['hairdressing', 'S', /حلاقة/, /coiffure/i],
  ])('includes %s among the activities', (_label, categoryCode, ar, fr) => {
    const found = activities.filter(
      (a) => a.categoryCode === categoryCode && ar.test(a.nameAr) && fr.test(a.nameFr),
    )
    expect(found.length).toBeGreaterThan(0)
  })

  it('refuses a production activity marked as a service', () => {
    const broken = structuredClone(parsed)
    const first = broken.categories[0]?.branches[0]?.activities[0]
    if (!first) throw new Error('the seed has no first activity')
    first.kind = 'service'
    expect(ActivitySeedSchema.safeParse(broken).success).toBe(false)
  })

  it('refuses an activity code outside its branch', () => {
    const broken = structuredClone(parsed)
    const first = broken.categories[0]?.branches[0]?.activities[0]
    if (!first) throw new Error('the seed has no first activity')
    first.code = 'P99.001'
    expect(ActivitySeedSchema.safeParse(broken).success).toBe(false)
  })
})
