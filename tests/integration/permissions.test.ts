import { describe, expect, it } from 'vitest'
import { contract, METHOD_NAMES, type MethodName } from '@shared/api/contract'
import { ROLES, type Role } from '@shared/api/roles'
import { createRouter, type Handlers } from '../../electron/services/api/router'
import type { CallContext } from '../../electron/services/api/call-context'
import { memoryLogger } from '../helpers/temp-desk'

/**
 * Permissions over every API method, generated from the contract (issue 7): for each
 * method and each role, the router lets the call through exactly when the method names
 * the role; nobody logged in, or a locked session, reaches only the `anyone` methods —
 * and those are an explicit list here, so a new method open to anyone fails this test
 * until someone decides it should be. Handlers are stand-ins: what is tested is the
 * router's door, before any handler runs.
 */
const OPEN_TO_ANYONE: readonly MethodName[] = [
  'setup.status',
  'setup.complete',
  'auth.status',
  'auth.createAdministrator',
  'auth.login',
  'auth.logout',
  'auth.activity',
  'auth.lock',
  'auth.unlock',
  // The language of the screen, chosen at setup and at the login screen.
  'settings.setLanguage',
  // Reference lists the setup form needs before any account exists.
  'reference.regions',
  'reference.territories',
  'reference.activities',
]

const reached: string[] = []
const handlers = Object.fromEntries(
  METHOD_NAMES.map((m) => [
    m,
    () => {
      reached.push(m)
      return { stand: 'in' }
    },
  ]),
) as unknown as Handlers
const router = createRouter({ handlers, isSetupDone: () => true, log: memoryLogger() })

const as = (roles: Role[], auth: CallContext['auth'] = 'active'): CallContext => ({
  actor: { id: 'user:test', name: 'Test', roles },
  transport: 'http',
  auth,
})

async function errorKey(ctx: CallContext, method: MethodName): Promise<string | null> {
  const result = await router.call(ctx, method, {})
  return result.ok ? null : result.error.key
}

describe('permissions, for every method of the contract', () => {
  it('opens to anyone only the methods listed here', () => {
    const open = METHOD_NAMES.filter((m) => contract[m].roles === 'anyone')
    expect(open.sort()).toEqual([...OPEN_TO_ANYONE].sort())
    for (const m of METHOD_NAMES) {
      const roles = contract[m].roles
      if (roles !== 'anyone') expect(roles.length, m).toBeGreaterThan(0)
    }
  })

  it.each(ROLES)('lets a %s through exactly the methods that name the role', async (role) => {
    for (const m of METHOD_NAMES) {
      const roles = contract[m].roles
      const allowed = roles === 'anyone' || roles.includes(role)
      const key = await errorKey(as([role]), m)
      if (allowed) expect(key, `${role} → ${m}`).not.toBe('errors.forbidden')
      else expect(key, `${role} → ${m}`).toBe('errors.forbidden')
    }
  })

  it('answers nobody logged in, or a locked session, only through the open methods', async () => {
    for (const m of METHOD_NAMES) {
      const open = contract[m].roles === 'anyone'
      const none = await errorKey(as([], 'none'), m)
      const locked = await errorKey(as([...ROLES], 'locked'), m)
      if (open) {
        expect(none, m).not.toBe('errors.login_required')
        expect(locked, m).not.toBe('errors.session_locked')
      } else {
        expect(none, m).toBe('errors.login_required')
        expect(locked, m).toBe('errors.session_locked')
      }
    }
  })

  it('refuses a translated 403 that names no secret, and runs no handler when refused', async () => {
    reached.length = 0
    const result = await router.call(as(['clerk']), 'users.create', {
      username: 'x',
      fullName: 'x',
      roles: ['administrator'],
      password: 'x',
    })
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden', key: 'errors.forbidden', params: { method: 'users.create' } },
    })
    expect(reached).toEqual([])
  })
})
