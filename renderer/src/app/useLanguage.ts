import { useCallback, useState } from 'react'
import { useDirection } from '@mantine/core'
import { directionOf, type Language } from '@shared/settings/language'
import { api } from '../api/transport'
import { applyDocumentLanguage, i18next } from '../i18n/setup'

/**
 * Current UI language: switching it changes i18next, `<html lang dir>`, Mantine's
 * direction, and is saved for the desk so the next start opens in it.
 */
export function useLanguage(initial: Language): [Language, (l: Language) => Promise<void>] {
  const [language, setLanguage] = useState<Language>(initial)
  const { setDirection } = useDirection()
  const change = useCallback(
    async (next: Language) => {
      await i18next.changeLanguage(next)
      applyDocumentLanguage(next)
      setDirection(directionOf(next))
      setLanguage(next)
      await api.call('settings.setLanguage', { language: next })
    },
    [setDirection],
  )
  return [language, change]
}
