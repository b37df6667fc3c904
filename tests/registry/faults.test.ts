import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PATHS, PushResponseSchema } from '../../shared/registry/contract'
import {
  admin,
  call,
  createArtisan,
  enrolDesk,
  expectError,
  newId,
  openRegistry,
  pullAll,
  pullPage,
  push,
  someArtisan,
  type Desk,
  type RunningRegistry,
} from './test-client'

/** Fault injection: what a desk's sync must survive, on demand. */
let running: RunningRegistry
let desk: Desk
beforeEach(async () => {
  running = await openRegistry()
  desk = await enrolDesk(running.registry, '09')
})
afterEach(() => running.stop())

const reference = () =>
  call(running.registry, 'GET', `${PATHS.reference}?since=1`, { token: desk.accessToken })
const info = () => call(running.registry, 'GET', PATHS.info)
const feedRows = () =>
  running.registry.db.prepare('SELECT count(*) FROM feed').pluck().get() as number

describe('fault injection', () => {
  it('answers every Nth request 503 with Retry-After: 1 (never /v1/info)', async () => {
    running.registry.faults.fail5xxEvery = 2
    expect((await reference()).status).toBe(200)
    expect((await info()).status).toBe(200)
    const failed = await reference()
    expectError(failed, 503, 'unavailable')
    expect(failed.headers.get('retry-after')).toBe('1')
    expect((await reference()).status).toBe(200)
    expect((await reference()).status).toBe(503)
    running.registry.faults.fail5xxEvery = 0
    expect((await reference()).status).toBe(200)
  })

  it('answers every Nth request 429 with the Retry-After it is given', async () => {
    const set = await admin(running.registry, 'POST', '/admin/faults', {
      rateLimitEvery: 3,
      retryAfterSeconds: 7,
    })
    expect(set.body).toMatchObject({ rateLimitEvery: 3, retryAfterSeconds: 7 })
    expect((await admin(running.registry, 'GET', '/admin/faults')).body).toEqual(
      running.registry.faults,
    )
    expect((await reference()).status).toBe(200)
    expect((await reference()).status).toBe(200)
    const limited = await reference()
    expectError(limited, 429, 'rate_limited')
    expect(limited.headers.get('retry-after')).toBe('7')
    expectError(
      await admin(running.registry, 'POST', '/admin/faults', { nope: 1 }),
      400,
      'invalid_request',
    )
  })

  it('cuts the answer of a push that was applied; the replay gets the same answer', async () => {
    running.registry.faults.dropEvery = 1
    const operation = createArtisan(newId(), someArtisan())
    const lost = call(running.registry, 'POST', PATHS.changes, {
      token: desk.accessToken,
      body: { operations: [operation] },
    })
    await expect(lost).rejects.toThrow()
    expect(feedRows()).toBe(1)

    running.registry.faults.dropEvery = 0
    const replay = await push(desk, [operation])
    expect(replay.results[0]).toMatchObject({
      opId: operation.opId,
      status: 'applied',
      revision: '1',
    })
    expect(feedRows()).toBe(1)
    const stored = running.registry.db
      .prepare('SELECT result FROM operations WHERE op_id = ?')
      .pluck()
      .get(operation.opId) as string
    expect(PushResponseSchema.parse({ results: [JSON.parse(stored)] })).toEqual(replay)
  })

  it('cuts the answer of a pull too; pulling again from the same cursor loses nothing', async () => {
    await push(desk, [createArtisan(newId(), someArtisan()), createArtisan(newId(), someArtisan())])
    running.registry.faults.dropEvery = 2
    expect((await pullPage(desk)).changes).toHaveLength(2)
    await expect(pullPage(desk)).rejects.toThrow()
    expect((await pullPage(desk)).changes).toHaveLength(2)
  })

  it('delivers the previous page’s last change again at the start of the next page', async () => {
    const ids = [newId(), newId(), newId()]
    await push(
      desk,
      ids.map((id) => createArtisan(id, someArtisan())),
    )
    running.registry.faults.duplicateDeliveries = true
    const first = await pullPage(desk, '', 2)
    expect(first.changes.map((change) => change.id)).toEqual(ids.slice(0, 2))
    const second = await pullPage(desk, first.cursor, 2)
    expect(second.changes.map((change) => change.id)).toEqual([ids[1], ids[2]])
    expect(second.hasMore).toBe(false)
    const all = await pullAll(desk, '', 1)
    expect(new Set(all.changes.map((change) => change.id))).toEqual(new Set(ids))
  })

  it('delays every answer by the latency it is given', async () => {
    running.registry.faults.latencyMs = 250
    const started = Date.now()
    expect((await info()).status).toBe(200)
    expect((await reference()).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(500)
  })
})
