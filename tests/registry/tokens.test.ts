import { afterEach, describe, expect, it } from 'vitest'
import { PATHS, TokensSchema } from '../../shared/registry/contract'
import {
  admin,
  call,
  enrolDesk,
  expectError,
  openRegistry,
  type RunningRegistry,
} from './test-client'

/** Access tokens that expire, refresh tokens that rotate with a short grace for a lost answer. */
let running: RunningRegistry | undefined
afterEach(() => running?.stop())

const refresh = async (running: RunningRegistry, refreshToken: string) =>
  call(running.registry, 'POST', PATHS.token, { body: { refreshToken } })
const reference = (running: RunningRegistry, token?: string) =>
  call(running.registry, 'GET', `${PATHS.reference}?since=1`, token ? { token } : {})
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('tokens', () => {
  it('asks for a valid access token, and says when one has expired', async () => {
    running = await openRegistry()
    const desk = await enrolDesk(running.registry, '09')
    expect((await reference(running, desk.accessToken)).status).toBe(200)
    expectError(await reference(running), 401, 'unauthorized')
    expectError(await reference(running, 'x'.repeat(43)), 401, 'unauthorized')

    const faults = await admin(running.registry, 'POST', '/admin/faults', { expireTokens: true })
    expect(faults.body).toMatchObject({ expireTokens: false })
    expectError(await reference(running, desk.accessToken), 401, 'token_expired')

    const renewed = await refresh(running, desk.refreshToken)
    expect(renewed.status).toBe(200)
    const tokens = TokensSchema.parse(renewed.body)
    expect((await reference(running, tokens.accessToken)).status).toBe(200)
  })

  it('lets access tokens run out after their lifetime', async () => {
    running = await openRegistry({ accessTokenTtlMs: 150 })
    const desk = await enrolDesk(running.registry, '09')
    expect(Date.parse(desk.accessTokenExpiresAt) - Date.now()).toBeLessThanOrEqual(150)
    await sleep(200)
    expectError(await reference(running, desk.accessToken), 401, 'token_expired')
  })

  it('rotates the refresh token, accepting the previous one once within the grace', async () => {
    running = await openRegistry({ refreshGraceMs: 300 })
    const desk = await enrolDesk(running.registry, '09')
    const first = TokensSchema.parse((await refresh(running, desk.refreshToken)).body)
    expect(first.refreshToken).not.toBe(desk.refreshToken)
    // The answer was lost: the desk tries again with the old token, once.
    const retried = await refresh(running, desk.refreshToken)
    expect(retried.status).toBe(200)
    const second = TokensSchema.parse(retried.body)
    expectError(await refresh(running, desk.refreshToken), 401, 'unauthorized')
    expectError(await refresh(running, first.refreshToken), 401, 'unauthorized')

    const third = TokensSchema.parse((await refresh(running, second.refreshToken)).body)
    await sleep(350)
    expectError(await refresh(running, second.refreshToken), 401, 'unauthorized')
    expect((await refresh(running, third.refreshToken)).status).toBe(200)
    expectError(await refresh(running, 'y'.repeat(43)), 401, 'unauthorized')
  })
})
