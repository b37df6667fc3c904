import { z } from 'zod'
import {
  AuthStatusSchema,
  CreateUserSchema,
  FirstAdministratorSchema,
  LoggedInSchema,
  LoginSchema,
  PasswordSchema,
  SecuritySettingsSchema,
  SessionUserSchema,
  UpdateUserSchema,
  UserSchema,
} from '../../accounts/account'
import { EMPTY, EVERY_ROLE, method } from '../method'
import type { Role } from '../roles'

/**
 * Logging in and out, the idle lock, one's own password; and the administrator's accounts.
 * The `auth.*` methods are open to anyone at the screen: they are how one becomes
 * someone. The first administrator can be created only while the desk has no account.
 */
const ADMIN: readonly Role[] = ['administrator']
const id = z.string().min(1).max(64)
const ok = z.object({ ok: z.literal(true) })

export const accountMethods = {
  'auth.status': method({
    input: EMPTY,
    output: AuthStatusSchema,
    roles: 'anyone',
    needsSetup: false,
    writes: false,
  }),
  'auth.createAdministrator': method({
    input: FirstAdministratorSchema,
    output: LoggedInSchema.extend({ recoveryCode: z.string().nullable() }),
    roles: 'anyone',
    needsSetup: true,
    writes: true,
  }),
  'auth.login': method({
    input: LoginSchema,
    output: LoggedInSchema,
    roles: 'anyone',
    needsSetup: true,
    writes: true,
  }),
  'auth.logout': method({
    input: EMPTY,
    output: ok,
    roles: 'anyone',
    needsSetup: false,
    writes: false,
  }),
  'auth.activity': method({
    input: EMPTY,
    output: ok,
    roles: 'anyone',
    needsSetup: false,
    writes: false,
  }),
  'auth.lock': method({
    input: EMPTY,
    output: ok,
    roles: 'anyone',
    needsSetup: false,
    writes: false,
  }),
  'auth.unlock': method({
    input: z.object({ password: z.string().min(1, { error: 'validation.required' }).max(200) }),
    output: SessionUserSchema,
    roles: 'anyone',
    needsSetup: true,
    writes: true,
  }),
  'auth.changePassword': method({
    input: z.object({
      current: z.string().min(1, { error: 'validation.required' }).max(200),
      next: PasswordSchema,
    }),
    output: SessionUserSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: true,
  }),
  'users.list': method({
    input: EMPTY,
    output: z.array(UserSchema),
    roles: ADMIN,
    needsSetup: true,
    writes: false,
  }),
  'users.create': method({
    input: CreateUserSchema,
    output: UserSchema,
    roles: ADMIN,
    needsSetup: true,
    writes: true,
  }),
  'users.update': method({
    input: UpdateUserSchema,
    output: UserSchema,
    roles: ADMIN,
    needsSetup: true,
    writes: true,
  }),
  'users.resetPassword': method({
    input: z.object({ id, password: PasswordSchema }),
    output: UserSchema,
    roles: ADMIN,
    needsSetup: true,
    writes: true,
  }),
  'users.setActive': method({
    input: z.object({ id, active: z.boolean() }),
    output: UserSchema,
    roles: ADMIN,
    needsSetup: true,
    writes: true,
  }),
  'settings.security': method({
    input: EMPTY,
    output: SecuritySettingsSchema,
    roles: EVERY_ROLE,
    needsSetup: true,
    writes: false,
  }),
  'settings.setSecurity': method({
    input: SecuritySettingsSchema,
    output: SecuritySettingsSchema,
    roles: ADMIN,
    needsSetup: true,
    writes: true,
  }),
}
