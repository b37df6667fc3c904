import type { Handlers } from '../api/router'
import { exportArtisanData } from '../artisans/data-export'
import type { Db } from '../database/open'

/** Access requests under law 09-08 (shared/api/methods/data-protection.ts). */
export function dataProtectionHandlers(db: Db): Pick<Handlers, 'artisans.dataExport'> {
  return {
    'artisans.dataExport': (input, ctx) => exportArtisanData(db, ctx.actor, input),
  }
}
