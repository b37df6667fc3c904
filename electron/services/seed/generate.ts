import type { Actor } from '@shared/api/roles'
import { uuidv7 } from '@shared/ids/uuidv7'
import names from '../../../resources/seed/names.json'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { recordChange } from '../database/record-change'
import { writeNameIndex } from '../artisans/name-index'
import { getProfile, isSetupDone } from '../settings/desk-profile-service'
import { dayTable, seedPath } from './path'
import { Random, WeightedPicker } from './random'

/**
 * Deterministic, realistic test data for demos, training and the benchmark: Moroccan
 * first and family names in Arabic and Latin forms, CINs, phones, territories,
 * activities, and a path per file whose steps follow each other in order and narrow down
 * the funnel (see ./path.ts). Files are placed in the chamber's own region (the desk
 * profile's `chamber.regionCode`) unless asked for another region or for all of them (a
 * national-size register for benches). Seeded rows stand for files that already exist in
 * the national register: they are written without outbox rows and without path history
 * (their path is in the file's own dated columns, as for files pulled from the
 * registry); one audit row records the seeding.
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
  /**
   * Where the files live: a region code ("09"), or "all" for every region. Absent: the
   * chamber's region once the desk is set up, every region before.
   */
  region?: string
  onProgress?: (done: number, total: number) => void
  shouldStop?: () => boolean
}

function picker(entries: NameEntry[]) {
  return new WeightedPicker(entries.map((e) => ({ item: e, weight: e.weight })))
}

/** The region a seeding uses: the option, else the chamber's (null: every region). */
export function seedRegion(db: Db, region: string | undefined): string | null {
  if (region === 'all') return null
  if (region !== undefined) return region
  return isSetupDone(db) ? getProfile(db).chamber.regionCode : null
}

export function seedArtisans(
  db: Db,
  actor: Actor,
  options: SeedOptions,
): { inserted: number; region: string | null } {
  const random = new Random(options.seed)
  const male = picker(names.maleFirst)
  const female = picker(names.femaleFirst)
  const family = picker(names.family)
  const region = seedRegion(db, options.region)
  const communes = db
    .prepare(
      `SELECT c.code AS commune, c.province_code AS province, p.region_code AS region
       FROM ref_commune c JOIN ref_province p ON p.code = c.province_code
       WHERE @region IS NULL OR p.region_code = @region ORDER BY c.code`,
    )
    .all({ region }) as { commune: string; province: string; region: string }[]
  const activities = db
    .prepare('SELECT code FROM ref_activity ORDER BY code')
    .pluck()
    .all() as string[]
  if (region !== null && communes.length === 0) throw new Error(`unknown region: ${region}`)
  if (communes.length === 0 || activities.length === 0)
    throw new Error('reference data missing: cannot seed')
  const activityPicker = new WeightedPicker(
    activities.map((code, i) => ({ item: code, weight: 1 + ((i * 37) % 11) })),
  )
  const usedCins = new Set(
    db.prepare('SELECT cin FROM artisan WHERE cin IS NOT NULL').pluck().all() as string[],
  )
  const days = dayTable('2022-01-01', nowIso().slice(0, 10))
  const firstNia = (db.prepare('SELECT max(num) FROM artisan').pluck().get() as number | null) ?? 0

  const insert = db.prepare(
    `INSERT INTO artisan (id, cin, nia, first_name_ar, last_name_ar, first_name_lat, last_name_lat, sex,
       birth_date, birth_place, phone, region_code, province_code, commune_code, address, actor_type,
       main_activity, practice, qualification, practice_years, evidence_json, consent_at, rna_status,
       rna_submitted_at, rna_registered_at, cover_status, cover_at, bank_status, bank_partner, bank_at, created_at,
       created_by, updated_at)
     VALUES (@id, @cin, @nia, @fa, @la, @fl, @ll, @sex, @birth, '', @phone, @region, @province, @commune,
       '', @actor, @activity, @practice, 'practice', @years, '{"cinCopy":true,"practiceAttestation":true}',
       @consentAt, @rna, @submittedAt, @rnaAt, @cover, @coverAt, @bank, @bankPartner, @bankAt, @createdAt,
       @by, @updatedAt)`,
  )
  const batch = 5000
  let inserted = 0
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
        const path = seedPath(random, days)
        const time = `T${String(random.int(8, 16)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`
        const createdAt = `${path.identifiedOn}${time}`
        const { lastInsertRowid } = insert.run({
          id: uuidv7(),
          cin,
          nia: path.registeredOn
            ? `${place.region}${String(firstNia + inserted + i + 1).padStart(8, '0')}`
            : null,
          fa: first.ar,
          la: last.ar,
          fl: firstLat,
          ll: lastLat,
          sex,
          birth: `${Number(path.identifiedOn.slice(0, 4)) - random.int(18, 70)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
          phone: `+212${random.chance(0.6) ? 6 : 7}${String(random.int(0, 99999999)).padStart(8, '0')}`,
          region: place.region,
          province: place.province,
          commune: place.commune,
          actor: random.chance(0.08) ? 'master_artisan' : 'artisan',
          activity: activityPicker.pick(random),
          practice: random.pick(['own_workshop', 'shared_workshop', 'home', 'itinerant']),
          years: random.int(3, 40),
          consentAt: path.rnaStatus === 'identified' ? null : createdAt,
          rna: path.rnaStatus,
          submittedAt: path.submittedOn,
          rnaAt: path.registeredOn,
          cover: path.cover,
          coverAt: path.coverOn,
          bank: path.bank,
          bankPartner: path.bank === 'none' ? null : random.chance(0.6) ? 'al_barid_bank' : 'cam',
          bankAt: path.bankOn,
          createdAt,
          updatedAt: path.lastOn === path.identifiedOn ? createdAt : `${path.lastOn}T12:00:00.000Z`,
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
      after: { count: inserted, seed: options.seed, region: region ?? 'all' },
    }),
  )()
  return { inserted, region }
}
