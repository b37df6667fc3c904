import type { z } from 'zod'
import {
  EnrolResponseSchema,
  ErrorBodySchema,
  PATHS,
  PullResponseSchema,
  PushResponseSchema,
  ReferenceResponseSchema,
  ServerInfoSchema,
  TokensSchema,
} from '@shared/registry/contract'
import { RegistryError, type RegistryClient } from './client'

/**
 * The registry over HTTP(S): JSON bodies, `X-Client-Version` on every call, a bearer
 * access token where one is needed, a timeout on every request. Every answer is checked
 * against the contract's schemas: a registry that answers something else is reported
 * (retryable — it may be a proxy's error page), never applied.
 */
const TIMEOUT_MS = 30_000

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now())
}

export function createHttpRegistryClient(baseUrl: string, appVersion: string): RegistryClient {
  const root = baseUrl.replace(/\/+$/, '')

  async function call<S extends z.ZodType>(
    schema: S,
    method: 'GET' | 'POST',
    path: string,
    options: { token?: string; body?: unknown; query?: Record<string, string> } = {},
  ): Promise<z.infer<S>> {
    const url = new URL(root + path)
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v)
    let response: Response
    let text: string
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          'x-client-version': appVersion,
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      text = await response.text()
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause
      const why = cause?.code ?? cause?.message
      throw new RegistryError(
        'network',
        'network',
        `${(error as Error).message}${why ? ` (${why})` : ''}`,
      )
    }
    const json = parse(text)
    if (response.ok) {
      const parsed = schema.safeParse(json)
      if (!parsed.success)
        throw new RegistryError(
          'retryable',
          'bad_response',
          `unexpected answer to ${path}: ${describeIssue(parsed.error.issues[0])}`,
          { status: response.status },
        )
      return parsed.data
    }
    throw failure(response, json)
  }

  return {
    info: () => call(ServerInfoSchema, 'GET', PATHS.info),
    enrol: (request) => call(EnrolResponseSchema, 'POST', PATHS.enrol, { body: request }),
    refresh: (refreshToken) => call(TokensSchema, 'POST', PATHS.token, { body: { refreshToken } }),
    push: (token, operations) =>
      call(PushResponseSchema, 'POST', PATHS.changes, { token, body: { operations } }),
    pull: (token, cursor, limit) =>
      call(PullResponseSchema, 'GET', PATHS.changes, {
        token,
        query: { cursor, limit: String(limit) },
      }),
    reference: (token, since) =>
      call(ReferenceResponseSchema, 'GET', PATHS.reference, {
        token,
        query: { since: String(since) },
      }),
  }
}

/** Where an answer broke the contract, for the sync log (`changes.3.record.nia: validation.nia`). */
function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  return issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid'
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** An error answer as a RegistryError of the right kind. */
function failure(response: Response, json: unknown): RegistryError {
  const body = ErrorBodySchema.safeParse(json)
  const code = body.success ? body.data.error.code : `http_${response.status}`
  const message = body.success ? body.data.error.message : response.statusText
  const status = response.status
  const retry = retryAfterMs(response.headers.get('retry-after'))
  if (status === 429 || status >= 500)
    return new RegistryError('retryable', code, message, {
      status,
      ...(retry === undefined ? {} : { retryAfterMs: retry }),
    })
  if (status === 401) return new RegistryError('auth', code, message, { status })
  if (status === 426)
    return new RegistryError('too_old', code, message, {
      status,
      ...(body.success && body.data.error.minClientVersion
        ? { minClientVersion: body.data.error.minClientVersion }
        : {}),
    })
  return new RegistryError('refused', code, message, { status })
}
