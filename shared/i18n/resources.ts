import ar from './locales/ar.json'
import en from './locales/en.json'
import fr from './locales/fr.json'

/** Translation resources, shared by the renderer and the CLI (error messages). */
export const translations = { ar, fr, en } as const
export type TranslationLanguage = keyof typeof translations
