import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { createHostServer } from '../../electron/host/server'
import type { Server } from 'node:http'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

/** The browser host over real HTTP on a loopback port. */
const TOKEN = 'test-token-0123456789'
let dir: string
let cleanup: () => void
let app: SijillApp
let server: Server
let port: number

beforeEach(async () => {
  ;({ dir, cleanup } = tempDir())
  app = openTestDesk(join(dir, 'data'))
  const staticRoot = join(dir, 'renderer')
  mkdirSync(staticRoot)
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>Sijill</title>')
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer')
  server = createHostServer({
    router: app.router,
    context: (session) => app.contextFor(session, 'http'),
    staticRoot,
    token: TOKEN,
    maxBodyBytes: 1024 * 1024,
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve))
  app.close()
  cleanup()
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(
  path: string,
  {
    method = 'POST',
    body,
    headers = {},
  }: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        )
      },
    )
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}
const auth = { Authorization: `Bearer ${TOKEN}` }

describe('the browser host', () => {
  it('answers API calls without the token with 401', async () => {
    const reply = await send('/api/setup.status', { body: '{}' })
    expect(reply.status).toBe(401)
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'unauthorized', key: 'errors.unauthorized' },
    })
    expect(
      (await send('/api/setup.status', { body: '{}', headers: { Authorization: 'Bearer wrong' } }))
        .status,
    ).toBe(401)
  })

  it('answers a foreign Host header with 403, even with the token (DNS rebinding)', async () => {
    const reply = await send('/api/setup.status', {
      body: '{}',
      headers: { ...auth, Host: 'evil.example:80' },
    })
    expect(reply.status).toBe(403)
    expect(JSON.parse(reply.body).error.key).toBe('errors.forbidden_host')
    expect((await send('/', { method: 'GET', headers: { Host: 'evil.example' } })).status).toBe(403)
  })

  it('refuses calls from another origin (CSRF) with 403', async () => {
    const reply = await send('/api/setup.status', {
      body: '{}',
      headers: { ...auth, Origin: 'http://evil.example' },
    })
    expect(reply.status).toBe(403)
  })

  it('runs the same router: a call works, and a validation error comes back as 400 with fields', async () => {
    const ok = await send('/api/setup.status', {
      body: '{}',
      headers: { ...auth, Origin: `http://127.0.0.1:${port}` },
    })
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { done: false, language: 'ar' } })

    const bad = await send('/api/setup.complete', {
      body: JSON.stringify({ ...VALID_SETUP, deskName: '' }),
      headers: auth,
    })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error.fields).toEqual([
      { path: 'deskName', key: 'validation.required' },
    ])

    const done = await send('/api/setup.complete', {
      body: JSON.stringify(VALID_SETUP),
      headers: auth,
    })
    expect(done.status).toBe(200)
    // Set up, the desk answers only those logged in: no session, a made-up one → 401.
    for (const headers of [auth, { ...auth, 'X-Sijill-Session': 'made-up' }]) {
      const refused = await send('/api/system.info', { body: '{}', headers })
      expect(refused.status).toBe(401)
      expect(JSON.parse(refused.body).error.key).toBe('errors.login_required')
    }
    const admin = await send('/api/auth.createAdministrator', {
      body: JSON.stringify({
        username: 'admin',
        fullName: 'Amina Admin',
        password: 'long enough 1',
      }),
      headers: auth,
    })
    const { token } = JSON.parse(admin.body).value as { token: string }
    const info = JSON.parse(
      (
        await send('/api/system.info', {
          body: '{}',
          headers: { ...auth, 'X-Sijill-Session': token },
        })
      ).body,
    )
    expect(info.value.transport).toBe('http')
    // The session ends at logout.
    await send('/api/auth.logout', { body: '{}', headers: { ...auth, 'X-Sijill-Session': token } })
    const after = await send('/api/system.info', {
      body: '{}',
      headers: { ...auth, 'X-Sijill-Session': token },
    })
    expect(after.status).toBe(401)
  })

  it('answers unreadable JSON, an oversized body and an unknown method with translated errors', async () => {
    expect(
      JSON.parse((await send('/api/setup.status', { body: '{nope', headers: auth })).body).error
        .key,
    ).toBe('errors.bad_json')
    const huge = await send('/api/setup.status', {
      body: JSON.stringify({ x: 'a'.repeat(3 * 1024 * 1024) }),
      headers: auth,
    })
    expect(huge.status).toBe(400)
    expect(JSON.parse(huge.body).error.key).toBe('errors.too_large')
    const unknown = await send('/api/nope.nothing', { body: '{}', headers: auth })
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body).error.code).toBe('unknown_method')
  })

  it('serves the renderer with a strict Content-Security-Policy and never a file outside it', async () => {
    const page = await send('/', { method: 'GET' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Sijill</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['x-frame-options']).toBe('DENY')
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const reply = await send(path, { method: 'GET' })
      expect(reply.body).not.toContain('outside the renderer')
    }
  })
})
