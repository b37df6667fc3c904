import { afterEach, describe, expect, it } from 'vitest'
import { PATHS, ServerInfoSchema } from '../../shared/registry/contract'
import { compareVersions } from './versions'
import {
  call,
  createArtisan,
  enrolDesk,
  expectError,
  newId,
  openRegistry,
  someArtisan,
  type RunningRegistry,
} from './test-client'

/** The registry's limits: batch size, client version, routes; and errors without stacks. */
let running: RunningRegistry | undefined
afterEach(() => running?.stop())

describe('limits', () => {
  it('says what it accepts at /v1/info', async () => {
    running = await openRegistry({ maxPushBatch: 3, maxPullPage: 7, minClientVersion: '0.1.0' })
    const answer = await call(running.registry, 'GET', PATHS.info, {
      headers: { 'X-Client-Version': '0.0.1' },
    })
    expect(answer.status).toBe(200)
    expect(ServerInfoSchema.parse(answer.body)).toMatchObject({
      apiVersion: 1,
      minClientVersion: '0.1.0',
      maxPushBatch: 3,
      maxPullPage: 7,
      referenceVersion: 1,
    })
  })

  it('refuses a batch larger than maxPushBatch with 413', async () => {
    running = await openRegistry({ maxPushBatch: 3 })
    const desk = await enrolDesk(running.registry, '09')
    const operations = Array.from({ length: 4 }, () => createArtisan(newId(), someArtisan()))
    const answer = await call(running.registry, 'POST', PATHS.changes, {
      token: desk.accessToken,
      body: { operations },
    })
    expectError(answer, 413, 'batch_too_large')
    const fits = await call(running.registry, 'POST', PATHS.changes, {
      token: desk.accessToken,
      body: { operations: operations.slice(0, 3) },
    })
    expect(fits.status).toBe(200)
  })

  it('answers 426 to a client older than minClientVersion, naming the minimum', async () => {
    running = await openRegistry({ minClientVersion: '0.10.0' })
    const { registry } = running
    const token = registry.createEnrolmentToken('09')
    const body = {
      chamberCode: '09',
      enrolmentToken: token,
      deviceId: `desk-${newId()}`,
      deviceName: 'G',
      appVersion: '0.9.0',
    }
    const old = await call(registry, 'POST', PATHS.enrol, {
      body,
      headers: { 'X-Client-Version': '0.9.3' },
    })
    const error = expectError(old, 426, 'client_too_old')
    expect(error.minClientVersion).toBe('0.10.0')
    const recent = await call(registry, 'POST', PATHS.enrol, {
      body,
      headers: { 'X-Client-Version': '0.10.0-beta' },
    })
    expect(recent.status).toBe(200)
  })

  it('compares dotted versions number by number', () => {
    expect(compareVersions('0.10.0', '0.9.3')).toBeGreaterThan(0)
    expect(compareVersions('1.2', '1.2.0')).toBe(0)
    expect(compareVersions('1.2.0+build.5', '1.2.1')).toBeLessThan(0)
    expect(compareVersions('garbage', '0.0.0')).toBe(0)
  })

  it('answers unknown routes, wrong methods and bad JSON with contract errors', async () => {
    running = await openRegistry()
    const { registry } = running
    expectError(await call(registry, 'GET', '/v1/nothing'), 404, 'not_found')
    expectError(await call(registry, 'GET', '/'), 404, 'not_found')
    const wrong = await call(registry, 'DELETE', PATHS.changes)
    expectError(wrong, 405, 'invalid_request')
    expect(wrong.headers.get('allow')).toBe('GET, POST')
    expectError(
      await call(registry, 'POST', PATHS.enrol, { body: '{nope' }),
      400,
      'invalid_request',
    )
    expectError(await call(registry, 'POST', PATHS.token, { body: {} }), 400, 'invalid_request')
  })
})
