import type { IncomingMessage, ServerResponse } from 'node:http'
import { RegistryError, errorBody, invalid } from './errors'

/**
 * Reading JSON requests and writing JSON answers — including the answer that is cut
 * halfway (the `dropEvery` fault: the work is done, the desk never hears it).
 */
export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/** A push of the largest batch fits many times over. */
const MAX_BODY_BYTES = 32 * 1024 * 1024

export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('error', reject)
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        reject(new RegistryError(413, 'batch_too_large', 'Corps de requête trop volumineux.'))
        return
      }
      const text = Buffer.concat(chunks).toString('utf8')
      try {
        resolve(text.trim() === '' ? {} : (JSON.parse(text) as unknown))
      } catch {
        reject(invalid('Le corps de la requête n’est pas du JSON.'))
      }
    })
  })
}

export function errorReply(error: RegistryError): Reply {
  return { status: error.status, body: errorBody(error), headers: error.headers }
}

export function sendReply(res: ServerResponse, reply: Reply, drop = false): void {
  const bytes = Buffer.from(JSON.stringify(reply.body), 'utf8')
  res.writeHead(reply.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...reply.headers,
  })
  if (!drop) {
    res.end(bytes)
    return
  }
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy())
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
