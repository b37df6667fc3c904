import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { seedArtisans } from '../../electron/services/seed/generate'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'
import {
  APART,
  measureNameVariants,
  VARIANTS,
  type NameVariantsFigures,
} from '../bench/name-variants'

/**
 * The name variants fixture through the real counter search, on a real desk holding a few
 * thousand generated artisans beside the fixture's own files (tests/bench/name-variants.ts).
 */
let cleanup: () => void
let app: SijillApp
let figures: NameVariantsFigures

beforeAll(async () => {
  const t = tempDir()
  cleanup = t.cleanup
  app = openTestDesk(t.dir)
  await app.direct().call('setup.complete', VALID_SETUP)
  seedArtisans(app.db, app.actor(), { count: 3000, seed: 15 })
  figures = await measureNameVariants(app)
}, 120_000)
afterAll(() => {
  app.close()
  cleanup()
})

describe('the name variants fixture', () => {
  it('holds at least 300 pairs, each with its family and a cited source', () => {
    expect(VARIANTS.length).toBeGreaterThanOrEqual(300)
    for (const pair of VARIANTS) {
      expect(pair.family, JSON.stringify(pair)).toMatch(/-(latin|arabic)$/)
      expect(pair.source, JSON.stringify(pair)).toBeTruthy()
    }
    expect(APART.length).toBeGreaterThanOrEqual(30)
  })
})

describe('name search across spelling variants', () => {
  it('finds the file written with the other spelling at rank 5 or better for 98 % of the pairs', () => {
    const missed = figures.missed.map((p) => `${p.a} / ${p.b}`)
    expect(figures.searches).toBeGreaterThanOrEqual(2 * 300)
    expect(figures.recall, missed.join(', ')).toBeGreaterThanOrEqual(0.98)
  })

  it('keeps names that are truly different apart', () => {
    const merged = figures.mergedPairs.map((p) => `${p.a} / ${p.b}`)
    expect(figures.apartSearches).toBeGreaterThanOrEqual(2 * 30)
    expect(figures.merged, merged.join(', ')).toBe(0)
  })
})

describe('migration 20', () => {
  it('indexes again the files of an existing desk, so that their other spellings find them', async () => {
    const t = tempDir()
    try {
      const desk = openTestDesk(t.dir)
      await desk.direct().call('setup.complete', VALID_SETUP)
      seedArtisans(desk.db, desk.actor(), { count: 50, seed: 3 })
      const num = desk.db.prepare('SELECT max(num) FROM artisan').pluck().get() as number
      desk.db
        .prepare(
          `UPDATE artisan SET first_name_ar = 'عبد الرحمان', last_name_ar = 'العمراني',
             first_name_lat = 'Abderrahmane', last_name_lat = 'Lamrani' WHERE num = ?`,
        )
        .run(num)
      // As an older desk left it: the old keys, the schema one step back.
      desk.db.exec(`INSERT INTO artisan_name_fts (artisan_name_fts) VALUES ('delete-all');
        INSERT INTO artisan_name_words (artisan_name_words) VALUES ('delete-all');
        DELETE FROM name_word_count;`)
      desk.db.pragma('user_version = 19')
      desk.close()
      const upgraded = openTestDesk(t.dir)
      const cin = upgraded.db.prepare('SELECT cin FROM artisan WHERE num = ?').pluck().get(num)
      const cins = async (query: string) =>
        (await upgraded.direct().call('artisans.search', { query })).items.map((a) => a.cin)
      expect(await cins('عبد الرحمن العمراني')).toEqual([cin])
      expect(await cins('Abderrahmane El Amrani')).toEqual([cin])
      expect(
        upgraded.db.prepare('SELECT sum(n) FROM name_word_count').pluck().get(),
      ).toBeGreaterThan(50)
      upgraded.close()
    } finally {
      t.cleanup()
    }
  })
})
