import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PATHS } from '../../shared/registry/contract'
import {
  call,
  createArtisan,
  enrolDesk,
  expectError,
  newId,
  openRegistry,
  pullAll,
  recordOf,
  pullPage,
  push,
  someArtisan,
  updateArtisan,
  type RunningRegistry,
} from './test-client'

/** Pull: the chamber's feed by opaque cursors, page by page, each entity as it is now. */
let running: RunningRegistry
beforeEach(async () => {
  running = await openRegistry({ maxPullPage: 3 })
})
afterEach(() => running.stop())

describe('pull', () => {
  it('pages through the feed with cursors and hasMore', async () => {
    const desk = await enrolDesk(running.registry, '09')
    const ids = Array.from({ length: 5 }, () => newId())
    await push(
      desk,
      ids.map((id) => createArtisan(id, someArtisan())),
    )

    const first = await pullPage(desk, '', 2)
    expect(first.changes.map((change) => change.id)).toEqual(ids.slice(0, 2))
    expect(first.hasMore).toBe(true)
    // The page is at most maxPullPage (3), whatever the desk asks.
    const second = await pullPage(desk, first.cursor, 50)
    expect(second.changes.map((change) => change.id)).toEqual(ids.slice(2, 5))
    expect(second.hasMore).toBe(false)
    const empty = await pullPage(desk, second.cursor)
    expect(empty).toEqual({ changes: [], cursor: second.cursor, hasMore: false })
    // Without limit or cursor: from the start, maxPullPage at a time.
    const fromStart = await call(running.registry, 'GET', PATHS.changes, {
      token: desk.accessToken,
    })
    expect((fromStart.body as { changes: unknown[] }).changes).toHaveLength(3)

    // A change made since shows after the cursor, once, as the file is now.
    const record = recordOf(second.changes[0])
    await push(desk, [
      updateArtisan(ids[2] ?? '', record?.revision ?? null, { phone: '0611223344' }),
      updateArtisan(ids[2] ?? '', null, { phone: '0655667788' }),
    ])
    const latest = await pullAll(desk, second.cursor)
    expect(latest.changes).toHaveLength(1)
    expect(latest.changes[0]).toMatchObject({
      id: ids[2],
      origin: desk.deviceId,
      record: { phone: '0655667788' },
    })
    // From the start, every file once, in the order of its last change.
    const all = await pullAll(desk, '', 2)
    expect(all.changes.map((change) => change.id)).toEqual([ids[0], ids[1], ids[3], ids[4], ids[2]])
  })

  it('keeps every chamber to itself', async () => {
    const tanger = await enrolDesk(running.registry, '01')
    const agadir = await enrolDesk(running.registry, '09')
    const tangerIds = [newId(), newId()]
    await push(
      tanger,
      tangerIds.map((id) => createArtisan(id, someArtisan())),
    )
    await push(agadir, [createArtisan(newId(), someArtisan())])
    running.registry.decideNow()

    const seenByAgadir = await pullAll(agadir)
    expect(seenByAgadir.changes).toHaveLength(1)
    expect(seenByAgadir.changes.every((change) => recordOf(change)?.chamberCode === '09')).toBe(
      true,
    )
    const seenByTanger = await pullAll(tanger)
    expect(seenByTanger.changes.map((change) => change.id)).toEqual(tangerIds)
    // Nor can a desk change another chamber's file.
    const [refused] = (
      await push(agadir, [updateArtisan(tangerIds[0] ?? '', '1', { phone: '0600000000' })])
    ).results
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } })
  })

  it('refuses a malformed cursor or limit', async () => {
    const desk = await enrolDesk(running.registry, '09')
    const get = (query: string) =>
      call(running.registry, 'GET', `${PATHS.changes}?${query}`, { token: desk.accessToken })
    for (const query of [
      'cursor=%%%',
      'cursor=abc',
      'cursor=LTE',
      'cursor=MDE',
      'limit=0',
      'limit=x',
    ])
      expectError(await get(query), 400, 'invalid_request')
  })
})
