import { RegistryArtisanSchema, type RegistryArtisan } from '../../shared/registry/records'
import { IN_REVIEW } from './artisan-state'
import type { RegistryContext } from './context'
import { nowIso } from './dates'
import { appendFeed, type Db } from './database'

/**
 * The registry's artisans table. Every change of state — a desk's push, a decision, a
 * cover status — goes through `commitArtisan`, which appends to the feed and takes the
 * feed's seq as the new revision, so revisions and the feed can never disagree. Callers
 * run it inside a transaction.
 */
export interface ArtisanRow {
  id: string
  chamberCode: string
  state: RegistryArtisan
  revision: string
  deleted: boolean
  origin: string | null
  reviewDueAt: number | null
}

interface RawRow {
  id: string
  chamber_code: string
  state: string
  revision: string
  deleted: number
  origin: string | null
  review_due_at: number | null
}

export function readArtisan(db: Db, id: string): ArtisanRow | null {
  const raw = db
    .prepare(
      `SELECT id, chamber_code, state, revision, deleted, origin, review_due_at
       FROM artisans WHERE id = ?`,
    )
    .get(id) as RawRow | undefined
  if (!raw) return null
  return {
    id: raw.id,
    chamberCode: raw.chamber_code,
    state: JSON.parse(raw.state) as RegistryArtisan,
    revision: raw.revision,
    deleted: raw.deleted === 1,
    origin: raw.origin,
    reviewDueAt: raw.review_due_at,
  }
}

/** CINs are compared without spaces and case: 'ab 123456' and 'AB123456' are one CIN. */
export function cinKey(cin: string | null): string | null {
  const key = (cin ?? '').replace(/\s+/g, '').toUpperCase()
  return key === '' ? null : key
}

/** True when another live artisan (of any chamber) holds this CIN. */
export function cinTaken(db: Db, cin: string | null, exceptId: string): boolean {
  const key = cinKey(cin)
  if (key === null) return false
  return !!db
    .prepare('SELECT 1 FROM artisans WHERE cin_key = ? AND deleted = 0 AND id <> ?')
    .get(key, exceptId)
}

/** True when another live artisan holds this NIA. */
export function niaTaken(db: Db, nia: string | null, exceptId: string): boolean {
  if (nia === null) return false
  return !!db
    .prepare('SELECT 1 FROM artisans WHERE nia = ? AND deleted = 0 AND id <> ?')
    .get(nia, exceptId)
}

/** When a file's decision is due: kept while it stays in the same review state. */
function reviewDueAt(
  ctx: RegistryContext,
  before: ArtisanRow | null,
  after: RegistryArtisan,
  deleted: boolean,
): number | null {
  if (deleted || !IN_REVIEW.has(after.rnaStatus)) return null
  if (before && !before.deleted && before.state.rnaStatus === after.rnaStatus)
    return before.reviewDueAt
  return Date.now() + ctx.settings.reviewDelayMs
}

/**
 * Writes a new state (or a tombstone) with a new revision and its feed row.
 * `origin` is the device whose push made it, null for the registry's own decisions.
 */
export function commitArtisan(
  ctx: RegistryContext,
  change: {
    before: ArtisanRow | null
    state: RegistryArtisan
    deleted: boolean
    origin: string | null
  },
): RegistryArtisan {
  const { before, deleted, origin } = change
  const now = nowIso()
  const revision = appendFeed(ctx.db, 'artisan', change.state.id, change.state.chamberCode, origin)
  const state = RegistryArtisanSchema.parse({ ...change.state, revision, updatedAt: now })
  ctx.db
    .prepare(
      `INSERT INTO artisans (id, chamber_code, cin_key, nia, state, revision, deleted, origin,
         review_due_at, created_at, updated_at)
       VALUES (@id, @chamber, @cin, @nia, @state, @revision, @deleted, @origin, @due, @now, @now)
       ON CONFLICT (id) DO UPDATE SET chamber_code = @chamber, cin_key = @cin, nia = @nia,
         state = @state, revision = @revision, deleted = @deleted, origin = @origin,
         review_due_at = @due, updated_at = @now`,
    )
    .run({
      id: state.id,
      chamber: state.chamberCode,
      cin: cinKey(state.cin),
      nia: state.nia,
      state: JSON.stringify(state),
      revision,
      deleted: deleted ? 1 : 0,
      origin,
      due: reviewDueAt(ctx, before, state, deleted),
      now,
    })
  return state
}
