import type { Db } from './database'
import type { FaultCounters, FaultSettings } from './faults'
import type { Settings } from './options'

/** What every handler of one running registry shares. */
export interface RegistryContext {
  db: Db
  settings: Settings
  faults: FaultSettings
  counters: FaultCounters
  adminToken: string
  log: (line: string) => void
}

/** A desk, once its access token has been checked. */
export interface Device {
  id: string
  chamberCode: string
  deskCode: string
}
