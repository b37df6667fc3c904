import type { Handlers } from '../api/router'
import type { Db } from '../database/open'
import { listActivities } from '../reference/activities'
import { listRegions } from '../reference/regions'
import { listCommunes, listProvinces } from '../reference/territories'

export function referenceHandlers(
  db: Db,
): Pick<Handlers, 'reference.regions' | 'reference.territories' | 'reference.activities'> {
  return {
    'reference.regions': () => listRegions(db),
    'reference.territories': () => ({ provinces: listProvinces(db), communes: listCommunes(db) }),
    'reference.activities': () => listActivities(db),
  }
}
