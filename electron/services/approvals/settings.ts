import type { Actor } from '@shared/api/roles'
import {
  ApprovalSettingsSchema,
  DEFAULT_APPROVAL_SETTINGS,
  type ApprovalSettings,
} from '@shared/approvals/approval'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { readSetting, writeSetting } from '../settings/settings-store'

/**
 * Whether a clerk's registrations and identity changes wait for a supervisor
 * (`approval.required`, on by default). Turning it off holds nothing new back; requests
 * already waiting stay until a supervisor decides them.
 */
const KEY = 'approval.required'

export function approvalSettings(db: Db): ApprovalSettings {
  const stored = readSetting<unknown>(db, KEY)
  return typeof stored === 'boolean' ? { required: stored } : DEFAULT_APPROVAL_SETTINGS
}

export function setApprovalSettings(
  db: Db,
  actor: Actor,
  value: ApprovalSettings,
): ApprovalSettings {
  const clean = ApprovalSettingsSchema.parse(value)
  db.transaction(() => writeSetting(db, actor, nowIso(), KEY, clean.required))()
  return clean
}

/** Supervisors and administrators decide; their own changes need nobody's approval. */
export function canDecide(actor: Actor): boolean {
  return actor.roles.includes('supervisor') || actor.roles.includes('administrator')
}

/** Whether this actor's registration or identity change must wait for a supervisor. */
export function needsApproval(db: Db, actor: Actor): boolean {
  return !canDecide(actor) && approvalSettings(db).required
}
