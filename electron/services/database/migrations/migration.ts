import type { Database } from 'better-sqlite3-multiple-ciphers'

/** A numbered, forward-only schema step. SQL text, or a function for data moves. */
export interface Migration {
  version: number
  name: string
  up: string | ((db: Database) => void)
}
