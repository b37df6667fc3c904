import { timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { ApiResult } from '@shared/api/contract'
import { HTTP_STATUS, type AppErrorData } from '@shared/errors'
import type { Router } from '../services/api/router'
import type { CallContext } from '../services/api/call-context'
import { SECURITY_HEADERS } from '@shared/security/headers'
import { serveStatic } from './static-files'

/**
 * The browser host's HTTP transport: loopback only, a random token per launch, and a
 * Host/Origin check so that no other site (DNS rebinding, CSRF) can reach the API. The
 * launch token proves the page came from this host; the login session (X-Sijill-Session)
 * says who is at the screen — without one, only the `anyone` methods answer.
 *   POST /api/<method>   body: JSON input   → ApiResult JSON
 *   GET  /*              the built renderer
 */
export interface HostOptions {
  router: Router
  /** Who calls with a login session token (header `X-Sijill-Session`). */
  context: (session: string | undefined) => CallContext
  staticRoot: string
  token: string
  /** Largest request body accepted (an imported list of several hundred thousand rows fits). */
  maxBodyBytes?: number
}

export const API_PREFIX = '/api/'

function sendJson(res: ServerResponse, status: number, body: ApiResult<unknown>): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  })
  res.end(text)
}

function sendError(res: ServerResponse, error: AppErrorData): void {
  sendJson(res, HTTP_STATUS[error.code], { ok: false, error })
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer (.+)$/.exec(header ?? '')?.[1]
  if (!presented) return false
  const a = Buffer.from(presented)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Reads the body up to `limit` bytes; past it, drains the rest unread and says so. */
function readBody(req: IncomingMessage, limit: number): Promise<string | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () =>
      resolve(size > limit ? 'too_large' : Buffer.concat(chunks).toString('utf8')),
    )
    req.on('error', reject)
  })
}

/** The method named by the path, or null when its percent-encoding is broken (`/api/%zz`). */
function methodOf(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice(API_PREFIX.length))
  } catch {
    return null
  }
}

export function createHostServer(options: HostOptions): Server {
  const maxBody = options.maxBodyBytes ?? 48 * 1024 * 1024
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (res.headersSent) res.destroy()
      else sendError(res, { code: 'internal', key: 'errors.internal' })
    })
  })

  function allowedHosts(): Set<string> {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hosts = allowedHosts()
    if (!hosts.has(req.headers.host ?? '')) {
      sendError(res, { code: 'forbidden', key: 'errors.forbidden_host' })
      return
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    if (!url.pathname.startsWith(API_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end()
        return
      }
      serveStatic(options.staticRoot, url.pathname, res)
      return
    }
    const origin = req.headers.origin
    if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
      sendError(res, { code: 'forbidden', key: 'errors.forbidden_host' })
      return
    }
    if (!tokenMatches(req.headers.authorization, options.token)) {
      sendError(res, { code: 'unauthorized', key: 'errors.unauthorized' })
      return
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST', ...SECURITY_HEADERS }).end()
      return
    }
    const body = await readBody(req, maxBody)
    if (body === 'too_large') {
      sendError(res, { code: 'validation', key: 'errors.too_large' })
      return
    }
    let input: unknown = {}
    if (body.trim() !== '') {
      try {
        input = JSON.parse(body)
      } catch {
        sendError(res, { code: 'validation', key: 'errors.bad_json' })
        return
      }
    }
    const method = methodOf(url.pathname)
    if (method === null) {
      sendError(res, {
        code: 'unknown_method',
        key: 'errors.unknown_method',
        params: { method: '' },
      })
      return
    }
    const session = req.headers['x-sijill-session']
    const result = await options.router.call(
      options.context(typeof session === 'string' && session ? session : undefined),
      method,
      input,
    )
    sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result)
  }

  return server
}
