import {
  PushRequestSchema,
  PushResponseSchema,
  PushResultSchema,
  type PushOperation,
  type PushResponse,
  type PushResult,
} from '../../shared/registry/contract'
import type { Device, RegistryContext } from './context'
import { nowIso } from './dates'
import { RegistryError, invalid } from './errors'
import { applyArtisanOperation } from './push-artisan'
import { applyCertificateOperation } from './push-certificate'

/**
 * `POST /v1/changes`: a batch of a desk's operations, answered one result each, in order,
 * in one transaction. Every answer is remembered under its opId: the same opId again —
 * a retry after a lost answer — gets the same answer and changes nothing.
 */
function checkBatch(ctx: RegistryContext, body: unknown) {
  const operations = (body as { operations?: unknown } | null)?.operations
  if (Array.isArray(operations) && operations.length > ctx.settings.maxPushBatch)
    throw new RegistryError(
      413,
      'batch_too_large',
      `Lot de ${operations.length} opérations : au plus ${ctx.settings.maxPushBatch} par envoi.`,
    )
  const parsed = PushRequestSchema.safeParse(body)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const path = issue?.path ?? []
  if (path[0] === 'operations' && typeof path[1] === 'number') {
    const index = path[1]
    const opId = (operations as { opId?: unknown }[])[index]?.opId
    const where = path.slice(2).join('.') || '(opération)'
    throw invalid(
      `Opération ${index}${typeof opId === 'string' ? ` (opId ${opId})` : ''} invalide : ${where} — ${issue?.message}`,
    )
  }
  throw invalid(`Requête invalide : ${path.join('.') || '(corps)'} — ${issue?.message}`)
}

function applyOperation(ctx: RegistryContext, device: Device, op: PushOperation): PushResult {
  return op.entityType === 'artisan'
    ? applyArtisanOperation(ctx, device, op)
    : applyCertificateOperation(ctx, device, op)
}

function replayOrApply(ctx: RegistryContext, device: Device, op: PushOperation): PushResult {
  const stored = ctx.db
    .prepare('SELECT device_id, result FROM operations WHERE op_id = ?')
    .get(op.opId) as { device_id: string; result: string } | undefined
  if (stored) {
    if (stored.device_id === device.id) return JSON.parse(stored.result) as PushResult
    return {
      opId: op.opId,
      status: 'rejected',
      reason: {
        code: 'op_id_reused',
        message: 'Cet identifiant d’opération a déjà servi ailleurs.',
      },
    }
  }
  const result = PushResultSchema.parse(applyOperation(ctx, device, op))
  ctx.db
    .prepare('INSERT INTO operations (op_id, device_id, result, processed_at) VALUES (?, ?, ?, ?)')
    .run(op.opId, device.id, JSON.stringify(result), nowIso())
  return result
}

export function push(ctx: RegistryContext, device: Device, body: unknown): PushResponse {
  const request = checkBatch(ctx, body)
  return ctx.db.transaction(() =>
    PushResponseSchema.parse({
      results: request.operations.map((op) => replayOrApply(ctx, device, op)),
    }),
  )()
}
