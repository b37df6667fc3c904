import { z } from 'zod'

/** UI languages. Arabic is the default; `dir` follows the language everywhere. */
export const LANGUAGES = ['ar', 'fr', 'en'] as const
export const LanguageSchema = z.enum(LANGUAGES, { error: 'validation.language' })
export type Language = z.infer<typeof LanguageSchema>
export const DEFAULT_LANGUAGE: Language = 'ar'

export function directionOf(language: string): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr'
}
