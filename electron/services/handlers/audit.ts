import type { Handlers } from '../api/router'
import { exportAuditFile } from '../audit/audit-export'
import { auditActors, listAudit } from '../audit/audit-query'
import { verifyAudit } from '../audit/audit-verify'
import type { Db } from '../database/open'

/** The audit screen's methods (shared/api/methods/audit.ts). */
export function auditHandlers(
  db: Db,
): Pick<Handlers, 'audit.list' | 'audit.actors' | 'audit.verify' | 'audit.export'> {
  return {
    'audit.list': (input) => listAudit(db, input),
    'audit.actors': () => auditActors(db),
    'audit.verify': () => verifyAudit(db),
    'audit.export': (input, ctx) => exportAuditFile(db, ctx.actor, input),
  }
}
