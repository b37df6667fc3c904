import type { Actor } from '@shared/api/roles'
import { uuidv7 } from '@shared/ids/uuidv7'
import names from '../../../resources/seed/names.json'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { recordChange } from '../database/record-change'
import { writeNameIndex } from '../artisans/name-index'
import { Random, WeightedPicker } from './random'

/**
 * Deterministic, realistic test data for demos, training and the benchmark: Moroccan
 * first and family names in Arabic and Latin forms, CINs, phones, territories,
 * activities, and path states in proportions like the sources' figures (Sept 2022:
 * 660,000 identified, 441,258 CNSS pre-registered, 94,527 already covered; 395,000–421,000
 * registered in the RNA by 2024–2025). Seeded rows stand for files that already exist in
 * the national register: they are written without outbox rows; one audit row records the
 * seeding.
 */
interface NameEntry {
  ar: string
  lat: string[]
  weight: number
}

/** CIN letter prefixes by region, after the issuing cities (approximate). */
const CIN_PREFIXES: Record<string, string[]> = {
  '01': ['K', 'KA', 'L', 'LA', 'R'],
  '02': ['F', 'FA', 'S', 'FB'],
  '03': ['C', 'CD', 'D', 'DA', 'T', 'Z'],
  '04': ['A', 'AB', 'AD', 'G', 'GA'],
  '05': ['I', 'IA', 'Q', 'P'],
  '06': ['B', 'BE', 'BH', 'BJ', 'BK', 'M', 'N', 'W', 'WA'],
  '07': ['E', 'EE', 'H', 'HA'],
  '08': ['U', 'UA', 'Z'],
  '09': ['J', 'JA', 'JB', 'JE', 'JH', 'JK'],
  '10': ['JY', 'JT'],
  '11': ['SH', 'SJ'],
  '12': ['SL', 'VA'],
}

export interface SeedOptions {
  count: number
  seed: number
  onProgress?: (done: number, total: number) => void
  shouldStop?: () => boolean
}

function picker(entries: NameEntry[]) {
  return new WeightedPicker(entries.map((e) => ({ item: e, weight: e.weight })))
}

export function seedArtisans(db: Db, actor: Actor, options: SeedOptions): { inserted: number } {
  const random = new Random(options.seed)
  const male = picker(names.maleFirst)
  const female = picker(names.femaleFirst)
  const family = picker(names.family)
  const communes = db
    .prepare(
      `SELECT c.code AS commune, c.province_code AS province, p.region_code AS region
       FROM ref_commune c JOIN ref_province p ON p.code = c.province_code ORDER BY c.code`,
    )
    .all() as { commune: string; province: string; region: string }[]
  const activities = db
    .prepare('SELECT code FROM ref_activity ORDER BY code')
    .pluck()
    .all() as string[]
  if (communes.length === 0 || activities.length === 0)
    throw new Error('reference data missing: cannot seed')
  const activityPicker = new WeightedPicker(
    activities.map((code, i) => ({ item: code, weight: 1 + ((i * 37) % 11) })),
  )
  const usedCins = new Set(
    db.prepare('SELECT cin FROM artisan WHERE cin IS NOT NULL').pluck().all() as string[],
  )
  const year = new Date().getUTCFullYear()

  const insert = db.prepare(
    `INSERT INTO artisan (id, cin, nia, first_name_ar, last_name_ar, first_name_lat, last_name_lat, sex,
       birth_date, birth_place, phone, region_code, province_code, commune_code, address, actor_type,
       main_activity, practice, qualification, practice_years, evidence_json, consent_at, rna_status,
       rna_registered_at, cover_status, cover_at, bank_status, bank_partner, bank_at, created_at,
       created_by, updated_at)
     VALUES (@id, @cin, @nia, @fa, @la, @fl, @ll, @sex, @birth, '', @phone, @region, @province, @commune,
       '', @actor, @activity, @practice, 'practice', @years, '{"cinCopy":true,"practiceAttestation":true}',
       @at, @rna, @rnaAt, @cover, @coverAt, @bank, @bankPartner, @bankAt, @at, @by, @at)`,
  )
  const batch = 5000
  let inserted = 0
  const at = nowIso()
  while (inserted < options.count) {
    if (options.shouldStop?.()) break
    const n = Math.min(batch, options.count - inserted)
    db.transaction(() => {
      for (let i = 0; i < n; i++) {
        const sex = random.chance(0.55) ? 'M' : 'F'
        const first = (sex === 'M' ? male : female).pick(random)
        const last = family.pick(random)
        const firstLat = random.pick(first.lat)
        const lastLat = random.pick(last.lat)
        const place = random.pick(communes)
        let cin: string
        do {
          cin = `${random.pick(CIN_PREFIXES[place.region] ?? ['X'])}${random.int(10000, 999999)}`
        } while (usedCins.has(cin))
        usedCins.add(cin)
        const registered = random.chance(0.62)
        const coverRoll = random.next()
        const cover =
          coverRoll < 0.14
            ? 'other_cover'
            : coverRoll < 0.81
              ? random.chance(0.55)
                ? 'amo_covered'
                : 'cnss_pre_registered'
              : 'none'
        const bank = random.chance(0.3) ? 'opened' : random.chance(0.15) ? 'referred' : 'none'
        const day = `${random.int(2022, year - 1)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`
        const { lastInsertRowid } = insert.run({
          id: uuidv7(),
          cin,
          nia: registered ? `${place.region}${String(inserted + i + 1).padStart(8, '0')}` : null,
          fa: first.ar,
          la: last.ar,
          fl: firstLat,
          ll: lastLat,
          sex,
          birth: `${random.int(year - 75, year - 18)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
          phone: `+212${random.chance(0.6) ? 6 : 7}${String(random.int(0, 99999999)).padStart(8, '0')}`,
          region: place.region,
          province: place.province,
          commune: place.commune,
          actor: random.chance(0.08) ? 'master_artisan' : 'artisan',
          activity: activityPicker.pick(random),
          practice: random.pick(['own_workshop', 'shared_workshop', 'home', 'itinerant']),
          years: random.int(3, 40),
          at,
          rna: registered ? 'registered' : random.chance(0.5) ? 'pending' : 'identified',
          rnaAt: registered ? day : null,
          cover,
          coverAt: cover === 'none' ? null : day,
          bank,
          bankPartner: bank === 'none' ? null : random.chance(0.6) ? 'al_barid_bank' : 'cam',
          bankAt: bank === 'none' ? null : day,
          by: actor.id,
        })
        writeNameIndex(db, Number(lastInsertRowid), {
          firstNameAr: first.ar,
          lastNameAr: last.ar,
          firstNameLat: firstLat,
          lastNameLat: lastLat,
          organisationName: '',
        })
      }
    })()
    inserted += n
    options.onProgress?.(inserted, options.count)
  }
  db.transaction(() =>
    recordChange(db, actor, nowIso(), {
      action: 'seed.artisans',
      entityType: 'artisan',
      entityId: '*',
      before: null,
      after: { count: inserted, seed: options.seed },
    }),
  )()
  return { inserted }
}
