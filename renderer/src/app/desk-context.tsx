import { createContext, useContext } from 'react'
import type { SessionUser } from '@shared/accounts/account'
import type { MethodName } from '@shared/api/contract'
import type { Role } from '@shared/api/roles'
import type { DeskProfile } from '@shared/settings/desk-profile'
import type { Language } from '@shared/settings/language'

/**
 * The desk's profile and language, and the person logged in, shared by the header,
 * Settings and every page. `can` tells whether the person holds one of the roles a
 * screen needs — only to decide what to show: the router checks every call again.
 */
export interface DeskState {
  profile: DeskProfile
  setProfile(profile: DeskProfile): void
  language: Language
  changeLanguage(language: Language): Promise<void>
  user: SessionUser
  can(roles: readonly Role[]): boolean
  /** Whether the person's roles open this API method (the contract's own list). */
  allows(method: MethodName): boolean
  lock(): void
  logout(): void
}

export const DeskContext = createContext<DeskState | null>(null)

export function useDesk(): DeskState {
  const state = useContext(DeskContext)
  if (!state) throw new Error('useDesk outside DeskContext')
  return state
}
