import { ActivitySeedSchema, type Category } from '@shared/reference/activities'
import type { ActivityRef } from '@shared/reference/lookups'
import seed from '../../../resources/reference/activities.json'
import type { Db } from '../database/open'
import { setStreamVersion, streamVersion } from './streams'

/** The craft activity nomenclature (category → branch → activity), a versioned stream. */
const STREAM = 'activities'

export function seedActivities(db: Db): void {
  const current = streamVersion(db, STREAM)
  if (current !== undefined && current >= seed.version) return
  const parsed = ActivitySeedSchema.parse(seed)
  writeActivities(db, parsed.categories, parsed.version)
}

/** The nomenclature written (activities added or renamed; codes are stable). */
export function writeActivities(db: Db, categories: Category[], version: number): void {
  const insert = db.prepare(
    `INSERT OR REPLACE INTO ref_activity (code, category_code, category_ar, category_fr, branch_code,
       branch_ar, branch_fr, kind, name_ar, name_fr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  db.transaction(() => {
    for (const category of categories) {
      for (const branch of category.branches) {
        for (const a of branch.activities) {
          insert.run(
            a.code,
            category.code,
            category.nameAr,
            category.nameFr,
            branch.code,
            branch.nameAr,
            branch.nameFr,
            a.kind,
            a.nameAr,
            a.nameFr,
          )
        }
      }
    }
    setStreamVersion(db, STREAM, version)
  })()
}

export function listActivities(db: Db): ActivityRef[] {
  return db
    .prepare(
      `SELECT code, category_code AS categoryCode, category_ar AS categoryAr, category_fr AS categoryFr,
         branch_code AS branchCode, branch_ar AS branchAr, branch_fr AS branchFr, kind,
         name_ar AS nameAr, name_fr AS nameFr
       FROM ref_activity ORDER BY code`,
    )
    .all() as ActivityRef[]
}

export function unknownActivities(db: Db, codes: string[]): string[] {
  const known = db.prepare('SELECT 1 FROM ref_activity WHERE code = ?')
  return codes.filter((c) => !known.get(c))
}
