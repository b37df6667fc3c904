import { RegionSeedSchema, type Region } from '@shared/reference/regions'
import seed from '../../../resources/reference/regions.json'
import type { Db } from '../database/open'
import { setStreamVersion, streamVersion } from './streams'

/**
 * The 12 regions: seeded from resources/reference/regions.json, kept in the database as
 * a versioned reference stream so that the national registry can update them later.
 */
const STREAM = 'regions'

export function seedRegions(db: Db): void {
  const current = streamVersion(db, STREAM)
  if (current !== undefined && current >= seed.version) return
  const parsed = RegionSeedSchema.parse(seed)
  const upsert = db.prepare(
    `INSERT INTO ref_region (code, name_ar, name_fr, seat_ar, seat_fr)
     VALUES (@code, @nameAr, @nameFr, @seatAr, @seatFr)
     ON CONFLICT (code) DO UPDATE SET name_ar = excluded.name_ar, name_fr = excluded.name_fr,
       seat_ar = excluded.seat_ar, seat_fr = excluded.seat_fr`,
  )
  db.transaction(() => {
    for (const region of parsed.regions) upsert.run(region)
    setStreamVersion(db, STREAM, parsed.version)
  })()
}

export function listRegions(db: Db): Region[] {
  return db
    .prepare(
      `SELECT code, name_ar AS nameAr, name_fr AS nameFr, seat_ar AS seatAr, seat_fr AS seatFr
       FROM ref_region ORDER BY code`,
    )
    .all() as Region[]
}

export function regionExists(db: Db, code: string): boolean {
  return db.prepare('SELECT 1 FROM ref_region WHERE code = ?').get(code) !== undefined
}
