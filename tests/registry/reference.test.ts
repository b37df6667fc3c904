import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PATHS, ReferenceResponseSchema, ServerInfoSchema } from '../../shared/registry/contract'
import {
  admin,
  call,
  enrolDesk,
  expectError,
  openRegistry,
  type Desk,
  type RunningRegistry,
} from './test-client'

/** Reference data: its own versioned stream, everything or "unchanged". */
let running: RunningRegistry
let desk: Desk
beforeEach(async () => {
  running = await openRegistry()
  desk = await enrolDesk(running.registry, '09')
})
afterEach(() => running.stop())

const get = async (since?: string) => {
  const query = since === undefined ? '' : `?since=${since}`
  return call(running.registry, 'GET', `${PATHS.reference}${query}`, { token: desk.accessToken })
}

describe('reference stream', () => {
  it('sends regions, territories and activities to a desk behind, nothing to a desk up to date', async () => {
    const full = ReferenceResponseSchema.parse((await get('0')).body)
    expect(full.version).toBe(1)
    expect(full.changed).toBe(true)
    expect(full.regions).toHaveLength(12)
    expect(full.territories?.flatMap((region) => region.provinces)).toHaveLength(75)
    expect(full.activities?.map((category) => category.code)).toEqual(['P', 'S'])
    expect(ReferenceResponseSchema.parse((await get()).body).changed).toBe(true)
    expect((await get('1')).body).toEqual({ version: 1, changed: false })
    expect((await get('5')).body).toEqual({ version: 1, changed: false })
    expectError(await get('one'), 400, 'invalid_request')
  })

  it('publishes a new version when an admin bumps it', async () => {
    expect((await admin(running.registry, 'POST', '/admin/reference/bump')).body).toEqual({
      version: 2,
    })
    const info = ServerInfoSchema.parse((await call(running.registry, 'GET', PATHS.info)).body)
    expect(info.referenceVersion).toBe(2)
    const newer = ReferenceResponseSchema.parse((await get('1')).body)
    expect(newer).toMatchObject({ version: 2, changed: true })
    expect(newer.regions).toHaveLength(12)
    expect((await get('2')).body).toEqual({ version: 2, changed: false })
  })
})
