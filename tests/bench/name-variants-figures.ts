import type { SijillApp } from '../../electron/services/app'
import { seedArtisans } from '../../electron/services/seed/generate'
import { percentile, type Figure } from './figures'
import { measureNameVariants } from './name-variants'

/** Generated artisans beside the fixture's files, so that each search walks a register. */
const DISTRACTORS = 20_000

/**
 * The name variants' figures (tests/bench/name-variants.ts) on a fresh desk of 20,000
 * generated artisans plus the fixture's spellings: recall at rank ≤ 5 against the 98 %
 * target, the share of "apart" searches that kept truly different names apart, and the
 * time of the recall searches.
 */
export async function nameVariantFigures(
  freshDesk: (name: string) => Promise<SijillApp>,
): Promise<Figure[]> {
  const desk = await freshDesk('variants-desk')
  try {
    seedArtisans(desk.db, desk.actor(), { count: DISTRACTORS, seed: 15 })
    const f = await measureNameVariants(desk)
    const log = (m: string) => process.stderr.write(`${m}\n`)
    log(
      `name variants: ${f.found} / ${f.searches} searches found the other spelling at rank ≤ 5; ` +
        `${f.merged} / ${f.apartSearches} apart searches matched the other name`,
    )
    if (f.missed.length) log(`  missed: ${f.missed.map((p) => `${p.a} / ${p.b}`).join(', ')}`)
    if (f.mergedPairs.length)
      log(`  merged: ${f.mergedPairs.map((p) => `${p.a} / ${p.b}`).join(', ')}`)
    const apartKept = f.apartSearches ? (1 - f.merged / f.apartSearches) * 100 : 0
    return [
      {
        name: 'name variants: recall at rank ≤ 5',
        value: f.recall * 100,
        unit: '%',
        budget: 98,
        lowerIsBetter: false,
      },
      {
        name: 'name variants: apart pairs kept apart',
        value: apartKept,
        unit: '%',
        budget: 100,
        lowerIsBetter: false,
      },
      {
        name: `name variants: search (p95, ${DISTRACTORS.toLocaleString('en')}-file desk)`,
        value: percentile(f.times, 95),
        unit: 'ms',
        budget: 10,
        lowerIsBetter: true,
      },
    ]
  } finally {
    desk.close()
  }
}
