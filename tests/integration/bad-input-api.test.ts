import { readFileSync } from 'node:fs'
import { request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { createHostServer } from '../../electron/host/server'
import { badPayloads } from '../fixtures/bad-input/api-payloads'
import { testCodes, validRegistration } from '../helpers/registration'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

/**
 * The API half of the bad-input corpus, over the browser host's real HTTP: every payload
 * is refused with a key every language translates (naming the field where one is at
 * fault), never a 5xx, and the register is left as it was (docs/validation.md).
 */
const TOKEN = 'bad-input-token-0123456789'
const LOCALES = ['ar', 'fr', 'en'].map(
  (l) =>
    JSON.parse(
      readFileSync(join(__dirname, '../../shared/i18n/locales', `${l}.json`), 'utf8'),
    ) as Record<string, unknown>,
)
const translated = (key: string) =>
  LOCALES.every((json) => {
    let cur: unknown = json
    for (const part of key.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[part]
    return typeof cur === 'string' && cur.length > 0
  })

let app: SijillApp
let server: Server
let port: number
let cleanup: () => void
let session = ''
let artisanId: string

function post(path: string, body: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${port}`,
          Authorization: `Bearer ${TOKEN}`,
          ...(session ? { 'X-Sijill-Session': session } : {}),
          'Content-Type': 'application/json',
        },
      },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: text ? (JSON.parse(text) as unknown) : null,
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const count = () => app.db.prepare('SELECT count(*) FROM artisan').pluck().get() as number

beforeAll(async () => {
  const folder = tempDir()
  cleanup = folder.cleanup
  app = openTestDesk(folder.dir)
  await app.direct().call('setup.complete', VALID_SETUP)
  server = createHostServer({
    router: app.router,
    context: (s) => app.contextFor(s, 'http'),
    staticRoot: folder.dir,
    token: TOKEN,
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  const admin = await post(
    '/api/auth.createAdministrator',
    JSON.stringify({ username: 'admin', fullName: 'Amina Admin', password: 'long enough 1' }),
  )
  session = (admin.json as { value: { token: string } }).value.token
  const made = await post(
    '/api/artisans.register',
    JSON.stringify(validRegistration(testCodes(app.db))),
  )
  artisanId = (made.json as { value: { id: string } }).value.id
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  app.close()
  cleanup()
})

describe('the bad-input corpus sent to the API over HTTP', () => {
  const cases = badPayloads(
    validRegistration({ tiznitProvince: 'P', tiznitCommune: 'C', carpets: 'A', pottery: 'B' }),
  )

  it('holds at least 45 payloads', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45)
  })

  for (const c of cases) {
    it(`${c.expect === 'accepted' ? 'cleans and keeps' : 'refuses'} ${c.name}`, async () => {
      // Reference codes are the desk's own: the fixture is built before the desk exists.
      const codes = testCodes(app.db)
      const body =
        typeof c.body === 'string'
          ? c.body
          : JSON.stringify(c.body)
              .replaceAll('{{artisan}}', artisanId)
              .replaceAll('"provinceCode":"P"', `"provinceCode":"${codes.tiznitProvince}"`)
              .replaceAll('"communeCode":"C"', `"communeCode":"${codes.tiznitCommune}"`)
              .replaceAll('"mainActivity":"A"', `"mainActivity":"${codes.carpets}"`)
      const before = count()
      const reply = await post(`/api/${c.method}`, body)
      expect(reply.status, JSON.stringify(reply.json)).toBeLessThan(500)
      const result = reply.json as {
        ok: boolean
        value?: { id: string }
        error?: { key: string; fields?: { path: string; key: string }[] }
      }
      if (c.expect === 'accepted') {
        expect(result.ok, JSON.stringify(result)).toBe(true)
        const stored = app.db
          .prepare('SELECT first_name_lat FROM artisan WHERE id = ?')
          .pluck()
          .get(result.value!.id) as string
        expect(stored).toBe('Fatima')
        return
      }
      expect(result.ok).toBe(false)
      expect(reply.status).toBeGreaterThanOrEqual(400)
      const keys = [result.error!.key, ...(result.error!.fields ?? []).map((f) => f.key)]
      expect(keys).toContain(c.expect)
      for (const key of keys) expect(translated(key), `${key} is translated`).toBe(true)
      if (c.field) expect(result.error!.fields?.find((f) => f.key === c.expect)?.path).toBe(c.field)
      expect(count()).toBe(before)
    })
  }

  it('answers a path with broken percent-encoding with a 4xx', async () => {
    const reply = await post('/api/%zz', '{}')
    expect(reply.status).toBeGreaterThanOrEqual(400)
    expect(reply.status).toBeLessThan(500)
    expect((reply.json as { error: { key: string } }).error.key).toBe('errors.unknown_method')
  })

  it('never prints a certificate for a file whose NIA breaks the contract', async () => {
    // A file registered before the rule (or written by a broken tool) with an 8-digit NIA.
    app.db
      .prepare(`UPDATE artisan SET rna_status = 'registered', nia = '09000123' WHERE id = ?`)
      .run(artisanId)
    const reply = await post(
      '/api/documents.issue',
      JSON.stringify({ artisanId, type: 'certificate' }),
    )
    expect(reply.status).toBe(409)
    expect((reply.json as { error: { key: string } }).error.key).toBe('errors.nia_invalid')
    expect(
      app.db.prepare(`SELECT count(*) FROM document WHERE artisan_id = ?`).pluck().get(artisanId),
    ).toBe(0)
  })
})
