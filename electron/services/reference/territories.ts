import { TerritorySeedSchema, type TerritoryRegion } from '@shared/reference/territories'
import type { ProvinceRef, CommuneRef } from '@shared/reference/lookups'
import seed from '../../../resources/reference/territories.json'
import type { Db } from '../database/open'
import { setStreamVersion, streamVersion } from './streams'

/**
 * Provinces/prefectures and communes, seeded from resources/reference/territories.json
 * when the shipped version is newer than the desk's (sync may bring newer ones later).
 */
const STREAM = 'territories'

export function seedTerritories(db: Db): void {
  const current = streamVersion(db, STREAM)
  if (current !== undefined && current >= seed.version) return
  const parsed = TerritorySeedSchema.parse(seed)
  writeTerritories(db, parsed.regions, parsed.version)
}

/** Provinces and communes written (added or renamed; a code never names another place). */
export function writeTerritories(db: Db, regions: TerritoryRegion[], version: number): void {
  const province = db.prepare(
    `INSERT OR REPLACE INTO ref_province (code, region_code, kind, name_ar, name_fr) VALUES (?, ?, ?, ?, ?)`,
  )
  const commune = db.prepare(
    `INSERT OR REPLACE INTO ref_commune (code, province_code, kind, name_ar, name_fr) VALUES (?, ?, ?, ?, ?)`,
  )
  db.transaction(() => {
    for (const region of regions) {
      for (const p of region.provinces) {
        province.run(p.code, region.code, p.kind, p.nameAr, p.nameFr)
        for (const c of p.communes) commune.run(c.code, p.code, c.kind, c.nameAr, c.nameFr)
      }
    }
    setStreamVersion(db, STREAM, version)
  })()
}

export function listProvinces(db: Db): ProvinceRef[] {
  return db
    .prepare(
      `SELECT code, region_code AS regionCode, kind, name_ar AS nameAr, name_fr AS nameFr
       FROM ref_province ORDER BY code`,
    )
    .all() as ProvinceRef[]
}

export function listCommunes(db: Db): CommuneRef[] {
  return db
    .prepare(
      `SELECT code, province_code AS provinceCode, kind, name_ar AS nameAr, name_fr AS nameFr
       FROM ref_commune ORDER BY code`,
    )
    .all() as CommuneRef[]
}

/** Checks that commune ∈ province ∈ region; returns the path of the first wrong code. */
export function territoryError(
  db: Db,
  t: { regionCode: string; provinceCode: string; communeCode: string },
): 'regionCode' | 'provinceCode' | 'communeCode' | null {
  if (!db.prepare('SELECT 1 FROM ref_region WHERE code = ?').get(t.regionCode)) return 'regionCode'
  const p = db
    .prepare('SELECT region_code FROM ref_province WHERE code = ?')
    .pluck()
    .get(t.provinceCode)
  if (p !== t.regionCode) return 'provinceCode'
  const c = db
    .prepare('SELECT province_code FROM ref_commune WHERE code = ?')
    .pluck()
    .get(t.communeCode)
  if (c !== t.provinceCode) return 'communeCode'
  return null
}
