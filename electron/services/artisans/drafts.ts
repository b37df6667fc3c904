import type { Actor } from '@shared/api/roles'
import { appError } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import { nowIso } from '../clock'
import type { Db } from '../database/open'

/**
 * Drafts: a registration form saved half-filled (the artisan went to fetch a document).
 * Kept on this desk only — never in the register, the search or the outbox — until the
 * complete file is registered, which removes the draft.
 */
export interface DraftSummary {
  id: string
  label: string
  updatedAt: string
}

export function saveDraft(
  db: Db,
  actor: Actor,
  input: { id?: string | undefined; label: string; data: Record<string, unknown> },
): DraftSummary {
  const at = nowIso()
  const id = input.id ?? uuidv7()
  const { changes } = db
    .prepare(
      `INSERT INTO artisan_draft (id, data_json, label, actor_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET data_json = excluded.data_json, label = excluded.label, updated_at = excluded.updated_at
       WHERE artisan_draft.actor_id = excluded.actor_id`,
    )
    .run(id, JSON.stringify(input.data), input.label, actor.id, at, at)
  // Someone else's draft is not overwritten: to this person it does not exist.
  if (changes === 0) throw appError('not_found', 'errors.draft_not_found')
  return { id, label: input.label, updatedAt: at }
}

/** The drafts of one person: on a shared counter PC, nobody else's half-filled forms. */
export function listDrafts(db: Db, actorId: string): DraftSummary[] {
  return db
    .prepare(
      `SELECT id, label, updated_at AS updatedAt FROM artisan_draft WHERE actor_id = ?
       ORDER BY updated_at DESC`,
    )
    .all(actorId) as DraftSummary[]
}

/** One of this person's drafts (another person's is not found). */
export function getDraft(
  db: Db,
  actorId: string,
  id: string,
): { id: string; label: string; data: Record<string, unknown> } {
  const row = db
    .prepare(
      'SELECT id, label, data_json AS dataJson FROM artisan_draft WHERE id = ? AND actor_id = ?',
    )
    .get(id, actorId) as { id: string; label: string; dataJson: string } | undefined
  if (!row) throw appError('not_found', 'errors.draft_not_found')
  return { id: row.id, label: row.label, data: JSON.parse(row.dataJson) as Record<string, unknown> }
}

/** Removes one of this person's drafts (another person's stays). */
export function deleteDraft(db: Db, actorId: string, id: string): void {
  db.prepare('DELETE FROM artisan_draft WHERE id = ? AND actor_id = ?').run(id, actorId)
}
