import type { PushOperation, PushResult } from '../../shared/registry/contract'
import { applyChange, blankArtisan, isRefusal, type Refusal } from './artisan-state'
import { cinTaken, commitArtisan, niaTaken, readArtisan, type ArtisanRow } from './artisans'
import type { Device, RegistryContext } from './context'

/**
 * The registry's rules for one desk operation on an artisan: create once, update only
 * from the current revision, delete as a tombstone (twice is fine), and one CIN (and one
 * NIA) per living artisan in the whole country.
 */
type ArtisanOperation = Extract<PushOperation, { entityType: 'artisan' }>

const rejected = (opId: string, reason: Refusal): PushResult => ({
  opId,
  status: 'rejected',
  reason,
})

const notFound = (opId: string): PushResult =>
  rejected(opId, {
    code: 'not_found',
    message: "Cet artisan n'existe pas (ou plus) au registre pour cette chambre.",
  })

/**
 * A change is based on the current state when it names the current revision — or when it
 * names none (`null`: "my own last push, whose revision I have not heard yet") and that
 * push is indeed the last change. A desk that created and then edited a file offline
 * sends both in one batch, before it can know the create's revision.
 */
function basedOnCurrent(row: ArtisanRow, op: ArtisanOperation, device: Device): boolean {
  if (op.baseRevision === row.revision) return true
  return op.baseRevision === null && row.origin === device.id
}

/** CIN and NIA held by another living artisan, nationally. */
function uniqueness(
  ctx: RegistryContext,
  state: { id: string; cin: string | null; nia: string | null },
): Refusal | null {
  if (cinTaken(ctx.db, state.cin, state.id))
    return {
      code: 'cin_taken',
      message:
        'Cette CIN est déjà inscrite au registre national (dans cette chambre ou une autre).',
    }
  if (niaTaken(ctx.db, state.nia, state.id))
    return { code: 'nia_taken', message: 'Ce NIA est déjà attribué à un autre artisan.' }
  return null
}

export function applyArtisanOperation(
  ctx: RegistryContext,
  device: Device,
  op: ArtisanOperation,
): PushResult {
  const row = readArtisan(ctx.db, op.entityId)
  const mine = row !== null && row.chamberCode === device.chamberCode
  const applied = (state: ReturnType<typeof commitArtisan>, deleted: boolean): PushResult => ({
    opId: op.opId,
    status: 'applied',
    revision: state.revision,
    record: deleted ? null : state,
  })

  if (op.op === 'create') {
    if (row)
      return rejected(op.opId, {
        code: 'already_exists',
        message: 'Un artisan portant cet identifiant existe déjà au registre.',
      })
    const blank = blankArtisan(op.entityId, device.chamberCode)
    const next = applyChange(blank, { rnaStatus: 'identified', ...op.payload })
    if (isRefusal(next)) return rejected(op.opId, next)
    const refusal = uniqueness(ctx, next)
    if (refusal) return rejected(op.opId, refusal)
    return applied(
      commitArtisan(ctx, { before: null, state: next, deleted: false, origin: device.id }),
      false,
    )
  }

  if (op.op === 'delete') {
    if (!row) return { opId: op.opId, status: 'applied', revision: null, record: null }
    if (!mine) return notFound(op.opId)
    if (row.deleted)
      return { opId: op.opId, status: 'applied', revision: row.revision, record: null }
    if (!basedOnCurrent(row, op, device))
      return { opId: op.opId, status: 'conflict', current: row.state }
    return applied(
      commitArtisan(ctx, { before: row, state: row.state, deleted: true, origin: device.id }),
      true,
    )
  }

  if (!row || row.deleted || !mine) return notFound(op.opId)
  if (!basedOnCurrent(row, op, device))
    return { opId: op.opId, status: 'conflict', current: row.state }
  const next = applyChange(row.state, op.payload)
  if (isRefusal(next)) return rejected(op.opId, next)
  const refusal = uniqueness(ctx, next)
  if (refusal) return rejected(op.opId, refusal)
  return applied(
    commitArtisan(ctx, { before: row, state: next, deleted: false, origin: device.id }),
    false,
  )
}
