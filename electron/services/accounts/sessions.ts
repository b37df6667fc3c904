import { randomBytes } from 'node:crypto'
import type { Actor } from '@shared/api/roles'
import type { Db } from '../database/open'
import { getUser, userActor } from './users'

/**
 * Who is logged in (issue 7): login sessions held in memory by the process that owns the
 * database — a restart logs everyone out. A session locks after the desk's idle time
 * without activity (the screen reports keys and clicks; background polling does not
 * count) and is forgotten after twelve hours. A locked session keeps its user: unlocking
 * takes that user's password, and the work on screen stays as it was.
 */
export type AuthState = 'active' | 'locked' | 'none'

interface LoginSession {
  userId: string
  lastActive: number
  started: number
}

const MAX_SESSION_MS = 12 * 3600_000

export interface Resolved {
  state: AuthState
  actor: Actor | null
  userId: string | null
}

export function createLoginSessions(db: Db, idleMs: () => number, now: () => number = Date.now) {
  const sessions = new Map<string, LoginSession>()

  function resolve(token: string | undefined): Resolved {
    const s = token ? sessions.get(token) : undefined
    if (!s || now() - s.started > MAX_SESSION_MS) {
      if (token) sessions.delete(token)
      return { state: 'none', actor: null, userId: null }
    }
    let user
    try {
      user = getUser(db, s.userId)
    } catch {
      sessions.delete(token as string)
      return { state: 'none', actor: null, userId: null }
    }
    if (!user.active) {
      sessions.delete(token as string)
      return { state: 'none', actor: null, userId: null }
    }
    const locked = now() - s.lastActive > idleMs()
    return { state: locked ? 'locked' : 'active', actor: userActor(user), userId: user.id }
  }

  return {
    resolve,
    start(userId: string): string {
      const token = randomBytes(32).toString('base64url')
      sessions.set(token, { userId, lastActive: now(), started: now() })
      return token
    },
    /** Keys and clicks on screen: the session stays unlocked (a locked one stays locked). */
    touch(token: string | undefined): void {
      const s = token ? sessions.get(token) : undefined
      if (s && now() - s.lastActive <= idleMs()) s.lastActive = now()
    },
    lock(token: string | undefined): void {
      const s = token ? sessions.get(token) : undefined
      if (s) s.lastActive = 0
    },
    unlock(token: string | undefined): void {
      const s = token ? sessions.get(token) : undefined
      if (s) s.lastActive = now()
    },
    end(token: string | undefined): void {
      if (token) sessions.delete(token)
    },
    /** Every session of an account ends (deactivated, or its password reset). */
    endFor(userId: string): void {
      for (const [token, s] of sessions) if (s.userId === userId) sessions.delete(token)
    },
  }
}
export type LoginSessions = ReturnType<typeof createLoginSessions>
