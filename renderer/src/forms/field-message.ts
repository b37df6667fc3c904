import type { TFunction } from 'i18next'
import type { AppErrorData } from '@shared/errors'

/** The translated message the desk gave for one field of a refused request, if any. */
export function fieldMessage(
  t: TFunction,
  error: AppErrorData | null,
  path: string,
): string | undefined {
  const f = error?.fields?.find((e) => e.path === path)
  return f ? t(f.key, f.params) : undefined
}
