/** The registry's clock, in the two forms the contract uses. */
export const nowIso = (): string => new Date().toISOString()

/** Today as YYYY-MM-DD in the server's local time zone (decisions are dated the local day). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
