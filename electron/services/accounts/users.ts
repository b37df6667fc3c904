import type { Actor, Role } from '@shared/api/roles'
import type { User } from '@shared/accounts/account'
import { appError } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { recordChange } from '../database/record-change'
import { sql } from '../database/statements'
import { hashPassword } from './passwords'

/**
 * The desk's accounts (issue 7): created and corrected by an administrator, their
 * passwords reset (the person must then choose a new one) and deactivated — never deleted,
 * since the audit log names them. The last active administrator cannot be removed.
 */
const COLUMNS = `id, username, full_name AS fullName, roles_json AS roles, active,
  must_change_password AS mustChangePassword, locked_until AS lockedUntil,
  last_login_at AS lastLoginAt, created_at AS createdAt, version`

type Row = Omit<User, 'roles' | 'active' | 'mustChangePassword'> & {
  roles: string
  active: number
  mustChangePassword: number
}

const parse = (r: Row): User => ({
  ...r,
  roles: JSON.parse(r.roles) as Role[],
  active: r.active === 1,
  mustChangePassword: r.mustChangePassword === 1,
})

/** What the audit log keeps of an account: never its password hash. */
const auditView = (u: Pick<User, 'username' | 'fullName' | 'roles' | 'active'>) => ({
  username: u.username,
  fullName: u.fullName,
  roles: u.roles,
  active: u.active,
})

export function userCount(db: Db): number {
  return sql(db, 'SELECT count(*) FROM user_account').pluck().get() as number
}

export function listUsers(db: Db): User[] {
  return (
    sql(db, `SELECT ${COLUMNS} FROM user_account ORDER BY active DESC, username`).all() as Row[]
  ).map(parse)
}

export function getUser(db: Db, id: string): User {
  const row = sql(db, `SELECT ${COLUMNS} FROM user_account WHERE id = ?`).get(id) as Row | undefined
  if (!row) throw appError('not_found', 'errors.user_not_found')
  return parse(row)
}

export function userActor(u: Pick<User, 'id' | 'fullName' | 'roles'>): Actor {
  return { id: `user:${u.id}`, name: u.fullName, roles: u.roles }
}

function activeAdministrators(db: Db, exceptId: string): number {
  return (
    sql(db, `SELECT roles_json FROM user_account WHERE active = 1 AND id != ?`)
      .pluck()
      .all(exceptId) as string[]
  ).filter((r) => (JSON.parse(r) as Role[]).includes('administrator')).length
}

export async function createUser(
  db: Db,
  actor: Actor,
  input: { username: string; fullName: string; roles: Role[]; password: string },
  options: { mustChangePassword: boolean },
): Promise<User> {
  const hash = await hashPassword(input.password)
  const id = uuidv7()
  const at = nowIso()
  db.transaction(() => {
    if (sql(db, 'SELECT 1 FROM user_account WHERE username = ?').get(input.username))
      throw appError('validation', 'errors.validation', undefined, [
        { path: 'username', key: 'validation.username_taken' },
      ])
    sql(
      db,
      `INSERT INTO user_account (id, username, full_name, roles_json, password_hash,
         must_change_password, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.username,
      input.fullName,
      JSON.stringify(input.roles),
      hash,
      options.mustChangePassword ? 1 : 0,
      at,
      actor.id,
      at,
    )
    recordChange(db, actor, at, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      before: null,
      after: auditView({ ...input, active: true }),
    })
  })()
  return getUser(db, id)
}

export function updateUser(
  db: Db,
  actor: Actor,
  input: { id: string; fullName: string; roles: Role[]; expectedVersion: number },
): User {
  const at = nowIso()
  db.transaction(() => {
    const before = getUser(db, input.id)
    if (before.version !== input.expectedVersion) throw appError('conflict', 'errors.stale_version')
    if (!input.roles.includes('administrator') && before.roles.includes('administrator'))
      if (activeAdministrators(db, input.id) === 0)
        throw appError('conflict', 'errors.last_administrator')
    sql(
      db,
      `UPDATE user_account SET full_name = ?, roles_json = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
    ).run(input.fullName, JSON.stringify(input.roles), at, input.id)
    recordChange(db, actor, at, {
      action: 'user.update',
      entityType: 'user',
      entityId: input.id,
      before: auditView(before),
      after: auditView({ ...before, ...input }),
    })
  })()
  return getUser(db, input.id)
}

export function setUserActive(db: Db, actor: Actor, input: { id: string; active: boolean }): User {
  const at = nowIso()
  db.transaction(() => {
    const before = getUser(db, input.id)
    if (!input.active && actor.id === `user:${input.id}`)
      throw appError('conflict', 'errors.deactivate_self')
    if (
      !input.active &&
      before.roles.includes('administrator') &&
      activeAdministrators(db, input.id) === 0
    )
      throw appError('conflict', 'errors.last_administrator')
    sql(
      db,
      `UPDATE user_account SET active = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
    ).run(input.active ? 1 : 0, at, input.id)
    recordChange(db, actor, at, {
      action: input.active ? 'user.activate' : 'user.deactivate',
      entityType: 'user',
      entityId: input.id,
      before: { active: before.active },
      after: { active: input.active },
    })
  })()
  return getUser(db, input.id)
}

/** An administrator sets a temporary password; its owner must change it at next login. */
export async function resetPassword(
  db: Db,
  actor: Actor,
  input: { id: string; password: string },
): Promise<User> {
  const hash = await hashPassword(input.password)
  const at = nowIso()
  db.transaction(() => {
    getUser(db, input.id)
    sql(
      db,
      `UPDATE user_account SET password_hash = ?, must_change_password = 1, failed_attempts = 0,
         locked_until = NULL, updated_at = ?, version = version + 1 WHERE id = ?`,
    ).run(hash, at, input.id)
    recordChange(db, actor, at, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: input.id,
      before: null,
      after: { mustChangePassword: true },
    })
  })()
  return getUser(db, input.id)
}

/** The owner's new password (after checking the current one, done by the caller). */
export async function setOwnPassword(
  db: Db,
  actor: Actor,
  id: string,
  password: string,
): Promise<void> {
  const hash = await hashPassword(password)
  const at = nowIso()
  db.transaction(() => {
    sql(
      db,
      `UPDATE user_account SET password_hash = ?, must_change_password = 0, updated_at = ?,
         version = version + 1 WHERE id = ?`,
    ).run(hash, at, id)
    recordChange(db, actor, at, {
      action: 'user.change_password',
      entityType: 'user',
      entityId: id,
      before: null,
      after: null,
    })
  })()
}

export function mustChangePassword(db: Db, id: string): boolean {
  return sql(db, 'SELECT must_change_password FROM user_account WHERE id = ?').pluck().get(id) === 1
}
