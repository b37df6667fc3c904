import type { Actor } from '@shared/api/roles'
import { DEFAULT_IDLE_MINUTES, SecuritySettingsSchema } from '@shared/accounts/account'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { readSetting, writeSetting } from './settings-store'

/** How long a desk may sit idle before it locks (issue 7), kept in its settings. */
const KEY = 'security.settings'

export function securitySettings(db: Db): { idleMinutes: number } {
  const parsed = SecuritySettingsSchema.safeParse(readSetting(db, KEY))
  return parsed.success ? parsed.data : { idleMinutes: DEFAULT_IDLE_MINUTES }
}

export function setSecuritySettings(db: Db, actor: Actor, value: { idleMinutes: number }) {
  db.transaction(() => writeSetting(db, actor, nowIso(), KEY, value))()
  return securitySettings(db)
}
