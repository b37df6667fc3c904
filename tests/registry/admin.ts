import type { IncomingMessage } from 'node:http'
import { z } from 'zod'
import type { RegistryContext } from './context'
import { CoverUpdateSchema, setCover } from './cover'
import { bumpReferenceVersion } from './database'
import { createEnrolmentToken, expireAccessTokens } from './devices'
import { RegistryError, invalid, notFound, unauthorized } from './errors'
import { FaultPatchSchema, type FaultSettings } from './faults'
import { readJson, type Reply } from './http-io'
import { decideDue } from './review'
import { sameSecret } from './secrets'

/**
 * `/admin/*`, for whoever runs a demo or a training session (and for tests driving the
 * registry from outside its process): faults, enrolment tokens, decisions now, what the
 * CNSS/AMO feed would say, a new reference version. Guarded by the admin token printed at
 * start.
 */
const ChamberSchema = z.object({ chamberCode: z.string().regex(/^\d{2}$/) })

async function parse<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJson(req))
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw invalid(`Requête invalide : ${issue?.path.join('.') || '(corps)'} — ${issue?.message}`)
}

/** Merges a patch into the fault settings; a fault set again starts counting again. */
export function patchFaults(ctx: RegistryContext, patch: Partial<FaultSettings>): FaultSettings {
  Object.assign(ctx.faults, patch)
  for (const key of Object.keys(patch)) ctx.counters.reset(key)
  if (ctx.faults.expireTokens) {
    expireAccessTokens(ctx.db)
    ctx.faults.expireTokens = false
  }
  return ctx.faults
}

const ok = (body: unknown): Reply => ({ status: 200, body })

export async function handleAdmin(
  ctx: RegistryContext,
  req: IncomingMessage,
  url: URL,
): Promise<Reply> {
  const presented = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? ''
  if (!sameSecret(presented, ctx.adminToken)) throw unauthorized("Jeton d'administration requis.")
  const route = `${req.method} ${url.pathname}`
  if (route === 'GET /admin/faults') return ok(ctx.faults)
  if (route === 'POST /admin/faults')
    return ok(patchFaults(ctx, await parse(req, FaultPatchSchema)))
  if (route === 'POST /admin/enrolment-tokens') {
    const { chamberCode } = await parse(req, ChamberSchema)
    try {
      return ok({ token: createEnrolmentToken(ctx, chamberCode) })
    } catch (error) {
      throw invalid(error instanceof Error ? error.message : String(error))
    }
  }
  if (route === 'POST /admin/decide') return ok({ decided: decideDue(ctx, Infinity) })
  if (route === 'POST /admin/reference/bump') return ok({ version: bumpReferenceVersion(ctx.db) })
  const cover = /^\/admin\/artisans\/([^/]+)\/cover$/.exec(url.pathname)
  if (cover?.[1] && req.method === 'POST') {
    const update = await parse(req, CoverUpdateSchema)
    return ok({ record: setCover(ctx, decodeURIComponent(cover[1]), update) })
  }
  if (cover || /^\/admin\/(faults|enrolment-tokens|decide|reference\/bump)$/.test(url.pathname))
    throw new RegistryError(405, 'invalid_request', `Méthode ${req.method} non permise.`)
  throw notFound(`Aucune ressource ${url.pathname}.`)
}
