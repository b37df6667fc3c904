import type { SijillApp } from '../services/app'

/** One CLI command. `run` returns the exit code; output goes through `out`/`err`. */
export interface CliIO {
  out(line: string): void
  err(line: string): void
  lang: 'fr' | 'ar' | 'en'
  /** The desk's data folder (`--data-dir`), for commands that run without opening it. */
  dataDir?: string
}

export interface CliCommand {
  name: string
  summary: string
  usage: string
  /** Opens the desk's database before running (all commands but help). */
  needsApp: boolean
  /** Takes `--lang` after its name as its own option (a document's language), not the messages'. */
  ownsLangOption?: boolean
  run(args: string[], io: CliIO, app: SijillApp | null): Promise<number>
}

/** Exit codes: 0 done, 1 refused or failed (message says why), 2 wrong usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const
