import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { translations } from '@shared/i18n/resources'
import { DEFAULT_LANGUAGE, directionOf, type Language } from '@shared/settings/language'
import { formatInterpolation } from '../reports/format'

/** i18next with the shared translation files; Arabic is the default and the fallback. */
export async function initI18n(language: Language = DEFAULT_LANGUAGE): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: {
      ar: { translation: translations.ar },
      fr: { translation: translations.fr },
      en: { translation: translations.en },
    },
    lng: language,
    fallbackLng: 'ar',
    // Counts grouped as on the dashboard (`12.394`) in every sentence.
    interpolation: { escapeValue: false, alwaysFormat: true, format: formatInterpolation },
    returnNull: false,
  })
  applyDocumentLanguage(language)
}

/** `<html lang dir>` follows the language, so the browser and CSS lay out RTL or LTR. */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language
  document.documentElement.dir = directionOf(language)
}

export { i18next }
