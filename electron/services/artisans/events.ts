import type { Actor } from '@shared/api/roles'
import type { PathStep } from '@shared/artisans/enums'
import { uuidv7 } from '@shared/ids/uuidv7'
import type { Db } from '../database/open'
import { sql } from '../database/statements'

/** Appends one step to an artisan's path history (who recorded it, when it happened). */
export function appendEvent(
  db: Db,
  actor: Actor,
  e: { artisanId: string; step: PathStep; happenedOn: string; detail: Record<string, string> },
  recordedAt: string,
): string {
  const id = uuidv7()
  sql(
    db,
    `INSERT INTO artisan_event (id, artisan_id, step, happened_on, recorded_at, actor_id, actor_name, detail_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    e.artisanId,
    e.step,
    e.happenedOn,
    recordedAt,
    actor.id,
    actor.name,
    JSON.stringify(e.detail),
  )
  return id
}
