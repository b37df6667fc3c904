import { createHash } from 'node:crypto'
import { appError } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import type { Actor } from '@shared/api/roles'
import type { ChamberProfile, DeskProfile } from '@shared/settings/desk-profile'
import { DEFAULT_LANGUAGE, type Language } from '@shared/settings/language'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { regionExists } from '../reference/regions'
import { SYSTEM_ACTOR } from './desk-actor'
import { readSetting, settingUpdatedAt, writeSetting } from './settings-store'

/** The desk's identity and its chamber: first-run setup, Settings, the app header. */
const KEY = {
  deskId: 'desk.id',
  deskName: 'desk.name',
  language: 'desk.language',
  chamber: 'chamber.profile',
  setupAt: 'setup.completedAt',
} as const

/** Logos are audited by digest: the log records that the image changed, not its bytes. */
function chamberAuditView(chamber: ChamberProfile | undefined): unknown {
  if (!chamber) return chamber
  const logo = chamber.logo
    ? `sha256:${createHash('sha256').update(chamber.logo).digest('hex')}`
    : null
  return { ...chamber, logo }
}

export function ensureDeskId(db: Db): string {
  const existing = readSetting<string>(db, KEY.deskId)
  if (existing) return existing
  const id = uuidv7()
  db.transaction(() => writeSetting(db, SYSTEM_ACTOR, nowIso(), KEY.deskId, id))()
  return id
}

export function deskIdentity(db: Db): { deskId: string; deskName: string | undefined } {
  return { deskId: ensureDeskId(db), deskName: readSetting<string>(db, KEY.deskName) }
}

export function isSetupDone(db: Db): boolean {
  return readSetting<string>(db, KEY.setupAt) !== undefined
}

export function currentLanguage(db: Db): Language {
  return readSetting<Language>(db, KEY.language) ?? DEFAULT_LANGUAGE
}

function checkRegion(db: Db, chamber: ChamberProfile): void {
  if (!regionExists(db, chamber.regionCode)) {
    throw appError('validation', 'errors.validation', undefined, [
      { path: 'chamber.regionCode', key: 'validation.region' },
    ])
  }
}

export function getProfile(db: Db): DeskProfile {
  const chamber = readSetting<ChamberProfile>(db, KEY.chamber)
  const setupAt = readSetting<string>(db, KEY.setupAt)
  if (!chamber || !setupAt) throw appError('setup_required', 'errors.setup_required')
  return {
    deskId: ensureDeskId(db),
    deskName: readSetting<string>(db, KEY.deskName) ?? '',
    language: currentLanguage(db),
    chamber,
    setupAt,
    updatedAt: settingUpdatedAt(db, KEY.chamber) ?? setupAt,
  }
}

export function completeSetup(
  db: Db,
  actor: Actor,
  input: { chamber: ChamberProfile; deskName: string; language: Language },
): DeskProfile {
  checkRegion(db, input.chamber)
  const at = nowIso()
  db.transaction(() => {
    if (isSetupDone(db)) throw appError('conflict', 'errors.setup_done')
    writeSetting(db, actor, at, KEY.chamber, input.chamber, chamberAuditView)
    writeSetting(db, actor, at, KEY.deskName, input.deskName)
    writeSetting(db, actor, at, KEY.language, input.language)
    writeSetting(db, actor, at, KEY.setupAt, at)
  })()
  return getProfile(db)
}

export function updateChamber(
  db: Db,
  actor: Actor,
  input: { chamber: ChamberProfile; deskName: string },
): DeskProfile {
  checkRegion(db, input.chamber)
  const at = nowIso()
  db.transaction(() => {
    writeSetting(db, actor, at, KEY.chamber, input.chamber, chamberAuditView)
    writeSetting(db, actor, at, KEY.deskName, input.deskName)
  })()
  return getProfile(db)
}

export function setLanguage(db: Db, actor: Actor, language: Language): { language: Language } {
  db.transaction(() => writeSetting(db, actor, nowIso(), KEY.language, language))()
  return { language }
}
