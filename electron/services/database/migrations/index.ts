import { m001 } from './001-settings-and-audit'
import { m002 } from './002-outbox'
import { m003 } from './003-reference-regions'
import { m004 } from './004-artisans'
import { m005 } from './005-reference-territories-activities'
import { m006 } from './006-name-words'
import { m007 } from './007-artisan-list-indexes'
import { m008 } from './008-documents'
import { m009 } from './009-signing-keys'
import { m010 } from './010-sync'
import { m011 } from './011-sessions'
import { m012 } from './012-handout-texts'
import { m013 } from './013-activity-index'
import { m014 } from './014-accounts'
import { m015 } from './015-invitee-index'
import { m016 } from './016-audit-indexes'
import { m017 } from './017-approvals'
import { m018 } from './018-report-indexes'
import { m019 } from './019-report-facts'
import { m020 } from './020-name-variants'
import type { Migration } from './migration'

/** Every migration, in order. Append only: never edit or reorder a released step. */
export const MIGRATIONS: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
  m011,
  m012,
  m013,
  m014,
  m015,
  m016,
  m017,
  m018,
  m019,
  m020,
]
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
export type { Migration }
