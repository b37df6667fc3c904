/**
 * How long the desk took to answer the counter's last search, kept in memory for the
 * About view: the counter itself shows results, not timings.
 */
export interface SearchTiming {
  ms: number
  kind: string
}

let last: SearchTiming | null = null

export function noteSearchTime(ms: number, kind: string): void {
  last = { ms, kind }
}

export function lastSearchTime(): SearchTiming | null {
  return last
}
