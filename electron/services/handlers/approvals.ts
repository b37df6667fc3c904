import type { Handlers } from '../api/router'
import { approveRequest, returnRequest } from '../approvals/decide'
import { approvalForArtisan, getApproval, listApprovals } from '../approvals/read'
import { approvalSettings, setApprovalSettings } from '../approvals/settings'
import type { Db } from '../database/open'

/** Supervisor approval: the queue, one request, a file's banner, decisions, the setting. */
export function approvalHandlers(
  db: Db,
): Pick<
  Handlers,
  | 'approvals.list'
  | 'approvals.get'
  | 'approvals.forArtisan'
  | 'approvals.approve'
  | 'approvals.return'
  | 'approvals.settings'
  | 'approvals.setSettings'
> {
  return {
    'approvals.list': (input, ctx) => listApprovals(db, ctx.actor, input),
    'approvals.get': (input, ctx) => getApproval(db, ctx.actor, input.id),
    'approvals.forArtisan': (input) => approvalForArtisan(db, input.artisanId),
    'approvals.approve': (input, ctx) =>
      approveRequest(db, ctx.actor, input.id, input.expectedVersion),
    'approvals.return': (input, ctx) =>
      returnRequest(db, ctx.actor, input.id, input.comment, input.expectedVersion),
    'approvals.settings': () => approvalSettings(db),
    'approvals.setSettings': (input, ctx) => setApprovalSettings(db, ctx.actor, input),
  }
}
