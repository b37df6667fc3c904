/**
 * A stored timestamp as the approval screens show it: local date and minute as
 * `YYYY-MM-DD HH:MM`, the same in every language (shown isolated left-to-right).
 */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`
}
