/** Timestamps are ISO-8601 UTC strings with milliseconds: sortable as text in SQLite. */
export function nowIso(): string {
  return new Date().toISOString()
}
