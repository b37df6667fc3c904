import type { Actor } from '@shared/api/roles'
import type { SessionUser, User } from '@shared/accounts/account'
import { appError } from '@shared/errors'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { appendAudit } from '../audit/audit-log'
import { sql } from '../database/statements'
import { decoyHash, verifyPassword } from './passwords'
import { getUser } from './users'

/**
 * Checking a password at the login screen (issue 7). Five failures in a row lock the
 * account for a minute, then for twice as long after each further failure (an hour at
 * most); a success clears the count. An unknown username costs the same time as a wrong
 * password and gets the same message, so the screen does not tell which names exist.
 */
export const FAILURES_BEFORE_LOCKOUT = 5
const MAX_LOCKOUT_MINUTES = 60

export function lockoutMinutes(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCKOUT) return 0
  return Math.min(MAX_LOCKOUT_MINUTES, 2 ** (failures - FAILURES_BEFORE_LOCKOUT))
}

interface Credentials {
  id: string
  full_name: string
  password_hash: string
  active: number
  failed_attempts: number
  locked_until: string | null
}

export const sessionUser = (u: User): SessionUser => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  roles: u.roles,
  mustChangePassword: u.mustChangePassword,
})

const loginActor = (id: string, name: string): Actor => ({ id, name, roles: [] })

/** The account behind a username and password, or a refusal saying only what may be said. */
export async function checkLogin(
  db: Db,
  username: string,
  password: string,
  now: () => Date = () => new Date(),
  /** What the password opens: a login, the idle lock, or a check before a change. */
  purpose: 'login' | 'unlock' | 'check' = 'login',
): Promise<User> {
  const row = sql(
    db,
    'SELECT id, full_name, password_hash, active, failed_attempts, locked_until FROM user_account WHERE username = ?',
  ).get(username) as Credentials | undefined
  if (!row) {
    await verifyPassword(password, await decoyHash())
    throw appError('unauthorized', 'errors.login_failed')
  }
  if (row.locked_until && row.locked_until > now().toISOString()) {
    const minutes = Math.ceil((Date.parse(row.locked_until) - now().getTime()) / 60_000)
    throw appError('unauthorized', 'errors.login_locked_out', { minutes })
  }
  const ok = await verifyPassword(password, row.password_hash)
  const at = nowIso()
  if (!ok || row.active !== 1) {
    const failures = row.failed_attempts + 1
    const minutes = lockoutMinutes(failures)
    const until = minutes ? new Date(now().getTime() + minutes * 60_000).toISOString() : null
    db.transaction(() => {
      sql(db, 'UPDATE user_account SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(
        failures,
        until,
        row.id,
      )
      appendAudit(
        db,
        loginActor(`user:${row.id}`, row.full_name),
        {
          action: minutes ? 'auth.locked_out' : 'auth.login_failed',
          entityType: 'user',
          entityId: row.id,
          before: null,
          after: { failures, lockedUntil: until },
        },
        at,
      )
    })()
    if (minutes) throw appError('unauthorized', 'errors.login_locked_out', { minutes })
    throw appError('unauthorized', 'errors.login_failed')
  }
  db.transaction(() => {
    sql(db, 'UPDATE user_account SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(
      row.id,
    )
    if (purpose === 'check') return
    if (purpose === 'login')
      sql(db, 'UPDATE user_account SET last_login_at = ? WHERE id = ?').run(at, row.id)
    appendAudit(
      db,
      loginActor(`user:${row.id}`, row.full_name),
      {
        action: `auth.${purpose}`,
        entityType: 'user',
        entityId: row.id,
        before: null,
        after: null,
      },
      at,
    )
  })()
  return getUser(db, row.id)
}
