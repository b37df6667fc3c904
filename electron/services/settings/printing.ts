import type { Actor } from '@shared/api/roles'
import {
  DEFAULT_PRINT_PREFERENCE,
  PrintPreferenceSchema,
  type PrintPreference,
} from '@shared/settings/printing'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { readSetting, writeSetting } from './settings-store'

/** The desk's print preference (dialog, or silent to a printer), kept in its settings. */
const KEY = 'desk.printing'

export function printPreference(db: Db): PrintPreference {
  const parsed = PrintPreferenceSchema.safeParse(readSetting(db, KEY))
  return parsed.success ? parsed.data : DEFAULT_PRINT_PREFERENCE
}

export function setPrintPreference(db: Db, actor: Actor, value: PrintPreference): PrintPreference {
  const clean = { silent: value.silent && value.printer !== null, printer: value.printer }
  db.transaction(() => writeSetting(db, actor, nowIso(), KEY, clean))()
  return clean
}
