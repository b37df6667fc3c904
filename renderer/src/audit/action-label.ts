import type { TFunction } from 'i18next'

/**
 * How the audit screen names an action: `artisan.step.rna_submitted` as "Step: Submitted to
 * the RNA", other actions by their `audit.action.*` key, and an action no translation knows
 * (a newer desk's) by its code. The groups are the prefixes offered in the action filter.
 */
export const ACTION_GROUPS = [
  'artisan',
  'artisan.step',
  'artisan.data_export',
  'artisans.export',
  'document',
  'session',
  'sync',
  'settings',
  'signing_key',
  'user',
  'auth',
  'audit.export',
] as const

export const groupLabel = (t: TFunction, group: string): string =>
  t(`audit.group.${group.replace(/\./g, '_')}`)

export function actionLabel(t: TFunction, action: string): string {
  const step = /^artisan\.step\.(\w+)$/.exec(action)?.[1]
  if (step) return t('audit.action.artisan_step', { step: t(`enums.step.${step}`) })
  const key = `audit.action.${action.replace(/\./g, '_')}`
  const text = t(key)
  return text === key ? action : text
}
