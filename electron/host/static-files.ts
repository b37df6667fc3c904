import { createReadStream, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { SECURITY_HEADERS } from '@shared/security/headers'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
}

/**
 * Serves the built renderer (the same files Electron loads). Paths are resolved inside
 * the root only; unknown paths get index.html so that a reload on any screen works.
 */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  let relative: string
  try {
    relative = decodeURIComponent(urlPath)
  } catch {
    relative = '/'
  }
  const candidate = normalize(join(root, relative))
  const inside = candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep)
  let file = inside ? candidate : join(root, 'index.html')
  let stat = safeStat(file)
  if (!stat?.isFile()) {
    file = join(root, 'index.html')
    stat = safeStat(file)
  }
  if (!stat?.isFile()) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
    res.end('The renderer is not built: run `npm run build`.')
    return
  }
  const ext = extname(file)
  res.writeHead(200, {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': ext === '.html' ? 'no-store' : 'public, max-age=31536000, immutable',
    ...SECURITY_HEADERS,
  })
  createReadStream(file).pipe(res)
}

function safeStat(file: string) {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}
