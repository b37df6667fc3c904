import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EnrolResponseSchema, PATHS } from '../../shared/registry/contract'
import {
  CLIENT_VERSION,
  admin,
  call,
  createArtisan,
  enrolDesk,
  expectError,
  newId,
  openRegistry,
  pullAll,
  push,
  someArtisan,
  type RunningRegistry,
} from './test-client'

/** Enrolment: one-time tokens for one chamber, national desk codes, a reinstalled desk. */
let running: RunningRegistry
beforeEach(async () => {
  running = await openRegistry()
})
afterEach(() => running.stop())

const enrolBody = (token: string, chamberCode = '09', deviceId = `desk-${newId()}`) => ({
  chamberCode,
  enrolmentToken: token,
  deviceId,
  deviceName: 'Guichet 1',
  appVersion: CLIENT_VERSION,
})

describe('device enrolment', () => {
  it('gives a desk code, tokens and its chamber, once per token', async () => {
    const { registry } = running
    const token = registry.createEnrolmentToken('09')
    expect(token).toMatch(/^09-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    const first = await call(registry, 'POST', PATHS.enrol, { body: enrolBody(token) })
    expect(first.status).toBe(200)
    const enrolled = EnrolResponseSchema.parse(first.body)
    expect(enrolled.deskCode).toMatch(/^[A-Z0-9]{4}$/)
    expect(enrolled.chamberCode).toBe('09')

    const again = await call(registry, 'POST', PATHS.enrol, { body: enrolBody(token) })
    expectError(again, 403, 'enrolment_refused')
  })

  it('refuses a token of another chamber, an unknown token, a malformed request', async () => {
    const { registry } = running
    const token = registry.createEnrolmentToken('01')
    expectError(
      await call(registry, 'POST', PATHS.enrol, { body: enrolBody(token, '09') }),
      403,
      'enrolment_refused',
    )
    // Refused, the token was not used up: its own chamber can still use it.
    const right = await call(registry, 'POST', PATHS.enrol, { body: enrolBody(token, '01') })
    expect(right.status).toBe(200)
    expectError(
      await call(registry, 'POST', PATHS.enrol, { body: enrolBody('09-AAAA-BBBB-CCCC') }),
      403,
      'enrolment_refused',
    )
    const bad = expectError(
      await call(registry, 'POST', PATHS.enrol, { body: { chamberCode: '9' } }),
      400,
      'invalid_request',
    )
    expect(bad.message).toContain('chamberCode')
  })

  it('keeps the desk code of a reinstalled desk and gives every desk its own', async () => {
    const { registry } = running
    const deviceId = `desk-${newId()}`
    const first = await enrolDesk(registry, '09', deviceId)
    const second = await enrolDesk(registry, '09', deviceId)
    expect(second.deskCode).toBe(first.deskCode)
    const codes = new Set([first.deskCode])
    for (let i = 0; i < 20; i++) codes.add((await enrolDesk(registry, '09')).deskCode)
    expect(codes.size).toBe(21)
  })

  it('hands out enrolment tokens to the admin only', async () => {
    const { registry } = running
    const made = await admin(registry, 'POST', '/admin/enrolment-tokens', { chamberCode: '05' })
    expect(made.status).toBe(200)
    const { token } = made.body as { token: string }
    // Typed by a person: lower case and spaces around are forgiven.
    const body = enrolBody(` ${token.toLowerCase()} `, '05')
    expect((await call(registry, 'POST', PATHS.enrol, { body })).status).toBe(200)
    expectError(
      await call(registry, 'POST', '/admin/enrolment-tokens', {
        body: { chamberCode: '05' },
        token: 'not-the-admin',
      }),
      401,
      'unauthorized',
    )
    expectError(
      await admin(registry, 'POST', '/admin/enrolment-tokens', { chamberCode: '13' }),
      400,
      'invalid_request',
    )
  })

  it('keeps devices, tokens and records across a restart', async () => {
    const desk = await enrolDesk(running.registry, '09')
    const id = newId()
    await push(desk, [createArtisan(id, someArtisan())])
    await running.registry.close()
    const restarted = await openRegistry({}, running.dir)
    running = restarted
    const again = { ...desk, registry: restarted.registry }
    const { changes } = await pullAll(again)
    expect(changes.map((change) => change.id)).toEqual([id])
  })
})
