import { describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { checkLogin, lockoutMinutes } from '../../electron/services/accounts/login'
import { createLoginSessions } from '../../electron/services/accounts/sessions'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import { setUpDeskPerTest } from '../helpers/desk-per-test'

/**
 * Accounts (issue 7): the first administrator, logins and their lockout, the idle lock,
 * one's own password, and what an administrator does to accounts — through the router as
 * the screen calls it (a login session token), with every write in the audit log.
 */
let app: SijillApp
setUpDeskPerTest(
  (desk) => (app = desk.app),
  () => app,
)

/** A call as the screen makes it: through the HTTP transport's context, with a session. */
async function call(session: string | undefined, method: string, input: unknown = {}) {
  return app.router.call(app.contextFor(session, 'http'), method, input)
}
async function value<T>(session: string | undefined, method: string, input: unknown = {}) {
  const r = await call(session, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.key}`)
  return r.value as T
}
const keyOf = async (session: string | undefined, method: string, input: unknown = {}) => {
  const r = await call(session, method, input)
  return r.ok ? null : r.error.key
}

const ADMIN = { username: 'amina', fullName: 'Amina Idrissi', password: 'souss-massa-2026' }
async function administrator(): Promise<string> {
  return (await value<{ token: string }>(undefined, 'auth.createAdministrator', ADMIN)).token
}

describe('accounts', () => {
  it('creates the first administrator once, then only logins', async () => {
    expect(await value(undefined, 'auth.status')).toMatchObject({ hasUsers: false, user: null })
    const token = await administrator()
    expect(await value(token, 'auth.status')).toMatchObject({
      hasUsers: true,
      user: { username: 'amina', roles: ['administrator'] },
      locked: false,
      idleMinutes: 5,
    })
    expect(
      await keyOf(undefined, 'auth.createAdministrator', { ...ADMIN, username: 'other' }),
    ).toBe('errors.administrator_exists')
    expect(await keyOf(undefined, 'settings.get')).toBe('errors.login_required')
    const again = await value<{ token: string }>(undefined, 'auth.login', {
      username: 'AMINA ',
      password: ADMIN.password,
    })
    expect(await keyOf(again.token, 'settings.get')).toBeNull()
  })

  it('refuses wrong passwords alike for unknown names, and locks out after five, for longer each time', async () => {
    await administrator()
    expect(await keyOf(undefined, 'auth.login', { username: 'nobody', password: 'x' })).toBe(
      'errors.login_failed',
    )
    for (let i = 1; i <= 4; i++)
      expect(await keyOf(undefined, 'auth.login', { username: 'amina', password: 'wrong' })).toBe(
        'errors.login_failed',
      )
    const fifth = await call(undefined, 'auth.login', { username: 'amina', password: 'wrong' })
    expect(fifth).toEqual({
      ok: false,
      error: { code: 'unauthorized', key: 'errors.login_locked_out', params: { minutes: 1 } },
    })
    // Locked out: even the right password waits.
    expect(
      await keyOf(undefined, 'auth.login', { username: 'amina', password: ADMIN.password }),
    ).toBe('errors.login_locked_out')
    expect([4, 5, 6, 7, 12].map(lockoutMinutes)).toEqual([0, 1, 2, 4, 60])
    // After the delay, the right password works and clears the count.
    const later = new Date(Date.now() + 2 * 60_000)
    await checkLogin(app.db, 'amina', ADMIN.password, () => later)
    const row = app.db
      .prepare('SELECT failed_attempts, locked_until FROM user_account WHERE username = ?')
      .get('amina')
    expect(row).toEqual({ failed_attempts: 0, locked_until: null })
    const actions = app.db
      .prepare(`SELECT action FROM audit_log WHERE action LIKE 'auth.%' ORDER BY seq`)
      .pluck()
      .all()
    expect(actions).toEqual([
      ...Array(4).fill('auth.login_failed'),
      'auth.locked_out',
      'auth.login',
    ])
  })

  it('locks an idle session, keeps it for its user, and unlocks only with their password', async () => {
    const token = await administrator()
    await value(token, 'auth.lock')
    expect(await keyOf(token, 'artisans.count', { filter: {} })).toBe('errors.session_locked')
    expect(await value(token, 'auth.status')).toMatchObject({
      locked: true,
      user: { username: 'amina' },
    })
    expect(await keyOf(token, 'auth.unlock', { password: 'wrong' })).toBe('errors.login_failed')
    await value(token, 'auth.unlock', { password: ADMIN.password })
    expect(await keyOf(token, 'artisans.count', { filter: {} })).toBeNull()

    // Idle time: activity keeps a session open; silence past the limit locks it.
    let now = 0
    const sessions = createLoginSessions(
      app.db,
      () => 5 * 60_000,
      () => now,
    )
    const userId = app.db.prepare('SELECT id FROM user_account').pluck().get() as string
    const s = sessions.start(userId)
    now = 4 * 60_000
    sessions.touch(s)
    now = 8 * 60_000
    expect(sessions.resolve(s).state).toBe('active')
    now = 9 * 60_000 + 1
    expect(sessions.resolve(s).state).toBe('locked')
    sessions.touch(s) // activity after the lock does not unlock
    expect(sessions.resolve(s).state).toBe('locked')
    now = 13 * 3600_000
    expect(sessions.resolve(s).state).toBe('none')
  })

  it('lets an administrator create, correct, reset and deactivate accounts — never delete them', async () => {
    const admin = await administrator()
    const clerk = await value<{ id: string; version: number }>(admin, 'users.create', {
      username: 'youssef',
      fullName: 'Youssef Ait Baha',
      roles: ['clerk'],
      password: 'temporary-123',
    })
    expect(
      await keyOf(admin, 'users.create', {
        username: 'youssef',
        fullName: 'Autre',
        roles: ['clerk'],
        password: 'temporary-123',
      }),
    ).toBe('errors.validation')
    // A new account must choose its own password before anything else.
    const first = await value<{ token: string; user: { mustChangePassword: boolean } }>(
      undefined,
      'auth.login',
      { username: 'youssef', password: 'temporary-123' },
    )
    expect(first.user.mustChangePassword).toBe(true)
    expect(await keyOf(first.token, 'artisans.count', { filter: {} })).toBe(
      'errors.password_change_required',
    )
    // Not even the desk's settings: the password change is the only door open.
    expect(await keyOf(first.token, 'settings.get')).toBe('errors.password_change_required')
    expect(
      await keyOf(first.token, 'auth.changePassword', { current: 'nope', next: 'my own secret' }),
    ).toBe('errors.validation')
    await value(first.token, 'auth.changePassword', {
      current: 'temporary-123',
      next: 'my own secret',
    })
    expect(await keyOf(first.token, 'artisans.count', { filter: {} })).toBeNull()
    // A clerk cannot manage accounts or settings.
    expect(await keyOf(first.token, 'users.list')).toBe('errors.forbidden')
    expect(await keyOf(first.token, 'settings.setSecurity', { idleMinutes: 10 })).toBe(
      'errors.forbidden',
    )

    const updated = await value<{ roles: string[]; version: number }>(admin, 'users.update', {
      id: clerk.id,
      fullName: 'Youssef Ait Baha',
      roles: ['clerk', 'session_organiser'],
      expectedVersion: 2,
    })
    expect(updated.roles).toEqual(['clerk', 'session_organiser'])
    // A reset ends the person's sessions and asks for a new password again.
    await value(admin, 'users.resetPassword', { id: clerk.id, password: 'reset-by-admin' })
    expect(await keyOf(first.token, 'artisans.count', { filter: {} })).toBe('errors.login_required')
    // Deactivated: cannot log in; the account and its audit rows stay.
    await value(admin, 'users.setActive', { id: clerk.id, active: false })
    expect(
      await keyOf(undefined, 'auth.login', { username: 'youssef', password: 'reset-by-admin' }),
    ).toBe('errors.login_failed')
    const users = await value<{ username: string; active: boolean }[]>(admin, 'users.list')
    expect(users.map((u) => [u.username, u.active])).toEqual([
      ['amina', true],
      ['youssef', false],
    ])
    // The last administrator stays one.
    const adminId = app.db
      .prepare(`SELECT id FROM user_account WHERE username = 'amina'`)
      .pluck()
      .get()
    expect(await keyOf(admin, 'users.setActive', { id: adminId, active: false })).toBe(
      'errors.deactivate_self',
    )
    expect(
      await keyOf(admin, 'users.update', {
        id: adminId,
        fullName: 'Amina',
        roles: ['clerk'],
        expectedVersion: 1,
      }),
    ).toBe('errors.last_administrator')
    // Every change is in the audit log under the administrator's name, no password in it.
    const rows = app.db
      .prepare(`SELECT actor_name, action, after_json FROM audit_log WHERE entity_type = 'user'`)
      .all() as { actor_name: string; action: string; after_json: string | null }[]
    expect(rows.some((r) => r.action === 'user.create' && r.actor_name === 'Amina Idrissi')).toBe(
      true,
    )
    expect(JSON.stringify(rows)).not.toContain('temporary-123')
    expect(JSON.stringify(rows)).not.toContain('scrypt$')
    expect(verifyAuditChain(app.db).ok).toBe(true)
  })
})
