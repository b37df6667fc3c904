import { AppError } from '@shared/errors'
import { translations } from '@shared/i18n/resources'

type CliLanguage = keyof typeof translations

/** Looks up an i18n key in the shared translations and fills `{{params}}`; the key if unknown. */
export function translateError(
  lang: CliLanguage,
  key: string,
  params: Record<string, string | number> = {},
): string {
  let cur: unknown = translations[lang]
  for (const part of key.split('.')) {
    cur =
      typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[part] : undefined
  }
  const template = typeof cur === 'string' ? cur : key
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) =>
    String(params[name] ?? `{{${name}}}`),
  )
}

/**
 * A start-up failure in words a clerk or IT person can act on, in French and Arabic
 * (the CLI and host have no UI language yet at that point).
 */
export function describeStartupError(error: unknown): string {
  if (error instanceof AppError && translateError('fr', error.data.key) !== error.data.key) {
    const { key, params } = error.data
    return `${translateError('fr', key, params)}\n${translateError('ar', key, params)}`
  }
  return `Sijill could not start: ${error instanceof Error ? error.message : String(error)}`
}
