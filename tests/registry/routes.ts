import type { IncomingMessage } from 'node:http'
import {
  EnrolRequestSchema,
  PATHS,
  ServerInfoSchema,
  TokenRequestSchema,
  type ServerInfo,
} from '../../shared/registry/contract'
import type { RegistryContext } from './context'
import { referenceVersion } from './database'
import { authenticate, enrol, expireAccessTokens, refreshTokens } from './devices'
import { RegistryError, invalid, notFound } from './errors'
import { readJson, type Reply } from './http-io'
import { pull } from './pull'
import { push } from './push'
import { reference } from './reference'
import { compareVersions } from './versions'
import { decideDue } from './review'
import type { z } from 'zod'

/**
 * The `/v1` API of the contract (shared/registry/contract.ts). Order of checks: the route,
 * the client's version (426), the injected faults (429, 503), the access token (401), the
 * body (400, 413), then the work. Push and pull may be marked to be dropped after the work.
 */
export interface Outcome {
  reply: Reply
  /** Cut the connection halfway through the answer (the work is already committed). */
  drop?: boolean
}

const METHODS: Record<string, readonly string[]> = {
  [PATHS.info]: ['GET'],
  [PATHS.enrol]: ['POST'],
  [PATHS.token]: ['POST'],
  [PATHS.changes]: ['GET', 'POST'],
  [PATHS.reference]: ['GET'],
}

const ok = (body: unknown): Outcome => ({ reply: { status: 200, body } })

function info(ctx: RegistryContext): ServerInfo {
  return ServerInfoSchema.parse({
    apiVersion: 1,
    minClientVersion: ctx.settings.minClientVersion,
    maxPushBatch: ctx.settings.maxPushBatch,
    maxPullPage: ctx.settings.maxPullPage,
    referenceVersion: referenceVersion(ctx.db),
    serverTime: new Date().toISOString(),
  })
}

function checkClientVersion(ctx: RegistryContext, header: string | string[] | undefined): void {
  const version = Array.isArray(header) ? header[0] : header
  if (version === undefined || compareVersions(version, ctx.settings.minClientVersion) >= 0) return
  throw new RegistryError(
    426,
    'client_too_old',
    `Version ${version} trop ancienne : mettez Sijill à jour (au moins ${ctx.settings.minClientVersion}).`,
    {},
    ctx.settings.minClientVersion,
  )
}

function injectFaults(ctx: RegistryContext): void {
  const { faults, counters } = ctx
  if (faults.expireTokens) {
    expireAccessTokens(ctx.db)
    faults.expireTokens = false
  }
  if (counters.hit('rateLimitEvery', faults.rateLimitEvery))
    throw new RegistryError(429, 'rate_limited', 'Trop de requêtes : réessayez plus tard.', {
      'Retry-After': String(faults.retryAfterSeconds),
    })
  if (counters.hit('fail5xxEvery', faults.fail5xxEvery))
    throw new RegistryError(503, 'unavailable', 'Registre momentanément indisponible.', {
      'Retry-After': '1',
    })
}

async function body<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJson(req))
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw invalid(`Requête invalide : ${issue?.path.join('.') || '(corps)'} — ${issue?.message}`)
}

export async function handleV1(
  ctx: RegistryContext,
  req: IncomingMessage,
  url: URL,
): Promise<Outcome> {
  const path = url.pathname
  const method = req.method ?? 'GET'
  const allowed = METHODS[path]
  if (!allowed) throw notFound(`Aucune ressource ${path}.`)
  if (!allowed.includes(method))
    throw new RegistryError(405, 'invalid_request', `Méthode ${method} non permise sur ${path}.`, {
      Allow: allowed.join(', '),
    })
  if (path === PATHS.info) return ok(info(ctx))
  checkClientVersion(ctx, req.headers['x-client-version'])
  injectFaults(ctx)

  if (path === PATHS.enrol) return ok(enrol(ctx, await body(req, EnrolRequestSchema)))
  if (path === PATHS.token)
    return ok(refreshTokens(ctx, (await body(req, TokenRequestSchema)).refreshToken))

  const device = authenticate(ctx, req.headers.authorization)
  if (path === PATHS.reference) return ok(reference(ctx, url.searchParams))
  const response =
    method === 'GET' ? pull(ctx, device, url.searchParams) : push(ctx, device, await readJson(req))
  if (method === 'POST' && ctx.settings.reviewDelayMs === 0) decideSoon(ctx)
  return { reply: ok(response).reply, drop: ctx.counters.hit('dropEvery', ctx.faults.dropEvery) }
}

/** With no review delay, files pushed for review are decided right after the push. */
function decideSoon(ctx: RegistryContext): void {
  try {
    decideDue(ctx, Date.now())
  } catch (error) {
    ctx.log(`review failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}
