import { z } from 'zod'
import { ROLES } from '../api/roles'

/**
 * The people who use a desk (issue 7): a username to log in with, a full name the audit
 * log shows, one or more roles. Accounts are deactivated, never deleted — the audit log
 * names them. Passwords: 8 characters at least; kept as scrypt hashes only.
 */
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, { error: 'validation.username' })

export const PasswordSchema = z
  .string()
  .min(8, { error: 'validation.password_short' })
  .max(200, { error: 'validation.too_long' })

export const RolesSchema = z
  .array(z.enum(ROLES, { error: 'validation.choice' }))
  .min(1, { error: 'validation.roles_required' })
  .max(ROLES.length)
  .transform((roles) => [...new Set(roles)])

const fullName = z.string().trim().min(3, { error: 'validation.required' }).max(120)

export const CreateUserSchema = z.object({
  username: UsernameSchema,
  fullName,
  roles: RolesSchema,
  password: PasswordSchema,
})
export type CreateUserInput = z.input<typeof CreateUserSchema>

export const FirstAdministratorSchema = z.object({
  username: UsernameSchema,
  fullName,
  password: PasswordSchema,
})

export const UpdateUserSchema = z.object({
  id: z.string().min(1).max(64),
  fullName,
  roles: RolesSchema,
  expectedVersion: z.number().int().positive(),
})

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
})
export type User = z.infer<typeof UserSchema>

export const LoginSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, { error: 'validation.required' }).max(64),
  password: z.string().min(1, { error: 'validation.required' }).max(200),
})

export const SessionUserSchema = UserSchema.pick({
  id: true,
  username: true,
  fullName: true,
  roles: true,
  mustChangePassword: true,
})
export type SessionUser = z.infer<typeof SessionUserSchema>

export const AuthStatusSchema = z.object({
  hasUsers: z.boolean(),
  user: SessionUserSchema.nullable(),
  locked: z.boolean(),
  idleMinutes: z.number().int(),
})
export type AuthStatus = z.infer<typeof AuthStatusSchema>

export const LoggedInSchema = z.object({ token: z.string(), user: SessionUserSchema })

/** Idle lock: after this many minutes without a key or a click the desk locks. */
export const SecuritySettingsSchema = z.object({
  idleMinutes: z.number().int().min(1, { error: 'validation.too_small' }).max(240, {
    error: 'validation.too_big',
  }),
})
export const DEFAULT_IDLE_MINUTES = 5
