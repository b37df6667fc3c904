import { appError } from '@shared/errors'
import type { Handlers } from '../api/router'
import type { Db } from '../database/open'
import { SYSTEM_ACTOR } from '../settings/desk-actor'
import { securitySettings, setSecuritySettings } from '../settings/security'
import { checkLogin, sessionUser } from '../accounts/login'
import type { LoginSessions } from '../accounts/sessions'
import {
  createUser,
  getUser,
  listUsers,
  resetPassword,
  setOwnPassword,
  setUserActive,
  updateUser,
  userActor,
  userCount,
} from '../accounts/users'

type AccountMethods =
  | 'auth.status'
  | 'auth.createAdministrator'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.activity'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.changePassword'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.resetPassword'
  | 'users.setActive'
  | 'settings.security'
  | 'settings.setSecurity'

const ok = { ok: true as const }

export function accountHandlers(
  db: Db,
  logins: LoginSessions,
  /** Makes the key's recovery code when the first administrator is created. */
  makeRecoveryCode: () => string | null,
): Pick<Handlers, AccountMethods> {
  const currentUser = (session: string | undefined) => {
    const r = logins.resolve(session)
    if (!r.userId) throw appError('unauthorized', 'errors.login_required')
    return getUser(db, r.userId)
  }
  return {
    'auth.status': (_input, ctx) => {
      const r = logins.resolve(ctx.session)
      const user = r.userId ? sessionUser(getUser(db, r.userId)) : null
      return {
        hasUsers: userCount(db) > 0,
        user,
        locked: r.state === 'locked',
        idleMinutes: securitySettings(db).idleMinutes,
      }
    },
    'auth.createAdministrator': async (input) => {
      if (userCount(db) > 0) throw appError('conflict', 'errors.administrator_exists')
      const user = await createUser(
        db,
        SYSTEM_ACTOR,
        { ...input, roles: ['administrator'] },
        { mustChangePassword: false },
      )
      return {
        token: logins.start(user.id),
        user: sessionUser(user),
        recoveryCode: makeRecoveryCode(),
      }
    },
    'auth.login': async (input) => {
      const user = await checkLogin(db, input.username, input.password)
      return { token: logins.start(user.id), user: sessionUser(user) }
    },
    'auth.logout': (_input, ctx) => {
      logins.end(ctx.session)
      return ok
    },
    'auth.activity': (_input, ctx) => {
      logins.touch(ctx.session)
      return ok
    },
    'auth.lock': (_input, ctx) => {
      logins.lock(ctx.session)
      return ok
    },
    'auth.unlock': async (input, ctx) => {
      const user = currentUser(ctx.session)
      // The same checks as a login: wrong passwords count toward the lockout.
      await checkLogin(db, user.username, input.password, undefined, 'unlock')
      logins.unlock(ctx.session)
      return sessionUser(getUser(db, user.id))
    },
    'auth.changePassword': async (input, ctx) => {
      const user = currentUser(ctx.session)
      try {
        await checkLogin(db, user.username, input.current, undefined, 'check')
      } catch {
        throw appError('validation', 'errors.validation', undefined, [
          { path: 'current', key: 'validation.password_wrong' },
        ])
      }
      if (input.next === input.current)
        throw appError('validation', 'errors.validation', undefined, [
          { path: 'next', key: 'validation.password_same' },
        ])
      await setOwnPassword(db, userActor(user), user.id, input.next)
      return sessionUser(getUser(db, user.id))
    },
    'users.list': () => listUsers(db),
    'users.create': (input, ctx) => createUser(db, ctx.actor, input, { mustChangePassword: true }),
    'users.update': (input, ctx) => updateUser(db, ctx.actor, input),
    'users.resetPassword': async (input, ctx) => {
      const user = await resetPassword(db, ctx.actor, input)
      logins.endFor(user.id)
      return user
    },
    'users.setActive': (input, ctx) => {
      const user = setUserActive(db, ctx.actor, input)
      if (!user.active) logins.endFor(user.id)
      return user
    },
    'settings.security': () => securitySettings(db),
    'settings.setSecurity': (input, ctx) => setSecuritySettings(db, ctx.actor, input),
  }
}
