import { seedArtisans } from '../../electron/services/seed/generate'
import { openTestDesk } from '../helpers/temp-desk'
import { deskWithArtisans } from './counter-data'

/**
 * A desk for the dashboard: the counter's three artisans (Tiznit) and 3,000 generated ones
 * across the country, with path steps taken today by some of those in the chamber's
 * region (written straight into the path history: only their counting is under test).
 */
export async function deskForDashboard(dataDir: string, language: 'ar' | 'fr' = 'ar') {
  await deskWithArtisans(dataDir, language)
  const app = openTestDesk(dataDir)
  try {
    seedArtisans(app.db, app.actor(), { count: 3000, seed: 11 })
    const today = new Date().toISOString().slice(0, 10)
    const souss = app.db
      .prepare(`SELECT id FROM artisan WHERE region_code = '09' ORDER BY num`)
      .pluck()
      .all() as string[]
    const insert = app.db.prepare(
      `INSERT INTO artisan_event (id, artisan_id, step, happened_on, recorded_at, actor_id, actor_name)
       VALUES (?, ?, ?, ?, ?, 'seed', 'seed')`,
    )
    const steps = ['rna_registered', 'cnss_pre_registered', 'amo_covered', 'bank_opened']
    souss.forEach((id, i) => {
      if (i % 2 === 0)
        insert.run(`dash-${i}`, id, steps[(i / 2) % 4], today, `${today}T09:00:00.000Z`)
    })
  } finally {
    app.close()
  }
}
