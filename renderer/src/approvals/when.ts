import { formatInstant } from '@shared/text/dates'

/**
 * A stored timestamp as the approval screens show it: local day and minute as
 * `dd/mm/yyyy HH:MM`, the same in every language (shown isolated left-to-right).
 */
export function when(iso: string | null | undefined): string {
  return iso ? formatInstant(iso) : '—'
}
