import { createContext, useContext } from 'react'
import type { DeskProfile } from '@shared/settings/desk-profile'
import type { Language } from '@shared/settings/language'

/** The desk's profile and language, shared by the header, Settings and every page. */
export interface DeskState {
  profile: DeskProfile
  setProfile(profile: DeskProfile): void
  language: Language
  changeLanguage(language: Language): Promise<void>
}

export const DeskContext = createContext<DeskState | null>(null)

export function useDesk(): DeskState {
  const state = useContext(DeskContext)
  if (!state) throw new Error('useDesk outside DeskContext')
  return state
}
