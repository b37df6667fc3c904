import { randomBytes } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Every file Sijill writes for a person (an export, a PDF, an audit copy, an error
 * report, the recovery file) is written beside its destination under a temporary name
 * `.<name>.<pid>.<random>.partial`, flushed to the disk, and renamed into place only once
 * whole: a job stopped in any way (an error, Ctrl+C, a kill, a power cut) leaves either
 * the whole file under its final name or none. The temporary file is removed when the
 * job fails or is cancelled; one left by a killed process is swept by the next write into
 * the same folder and, in the data folder, by the next start (see stale-work.ts).
 */
export const PARTIAL_SUFFIX = '.partial'

/** `.<name>.<pid>.<hex>.partial`: the pid says whether its writer still runs. */
export const PARTIAL_PATTERN = /^\..+\.(\d+)\.[0-9a-f]+\.partial$/

/** The temporary name beside `final` for a write by this process. */
export function partialPath(final: string): string {
  const random = randomBytes(6).toString('hex')
  return join(dirname(final), `.${basename(final)}.${process.pid}.${random}${PARTIAL_SUFFIX}`)
}

/** Makes a rename durable where the OS allows (Windows cannot open a folder: skipped). */
export function syncFolder(folder: string): void {
  let fd: number | null = null
  try {
    fd = openSync(folder, 'r')
    fsyncSync(fd)
  } catch {
    // best effort
  } finally {
    if (fd !== null) closeSync(fd)
  }
}

/** When the running process started, as a file time (ms). */
export const PROCESS_STARTED_MS = Date.now() - process.uptime() * 1000

/** Whether a process with this id runs (EPERM: it runs, as another user). */
export function processRuns(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes the files of `folder` that a stopped process left: those `writerOf` recognises
 * (it returns the writer's pid, or null for a name that carries none), written before this
 * process started, by a writer that no longer runs. Returns how many were removed.
 */
export function sweepLeftovers(
  folder: string,
  writerOf: (name: string) => number | null | undefined,
  startedMs = PROCESS_STARTED_MS,
): number {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return 0
  }
  let removed = 0
  for (const name of names) {
    const pid = writerOf(name)
    if (pid === undefined || (pid !== null && processRuns(pid))) continue
    const file = join(folder, name)
    try {
      if (statSync(file).mtimeMs >= startedMs) continue
      rmSync(file, { force: true })
      removed++
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed
}

/** Removes the `.partial` files a stopped process left in `folder`. */
export function sweepPartials(folder: string, startedMs = PROCESS_STARTED_MS): number {
  return sweepLeftovers(
    folder,
    (name) => {
      const match = PARTIAL_PATTERN.exec(name)
      return match ? Number(match[1]) : undefined
    },
    startedMs,
  )
}

export interface AtomicFile {
  /** The temporary file being written. */
  readonly partial: string
  write(chunk: string | Uint8Array): void
  /** Flushes to the disk and closes; the temporary file stays until commit or abort. */
  flush(): void
  /** Flushes, closes, and renames into place: the final file appears whole. */
  commit(): void
  /** Closes and removes the temporary file; the final name is left as it was. */
  abort(): void
}

export interface AtomicOptions {
  /** The final file's mode; a person's data: 0600 unless told otherwise. */
  mode?: number
}

/** Opens `final` for writing in chunks; call `commit()` once whole, `abort()` otherwise. */
export function openAtomicFile(final: string, options: AtomicOptions = {}): AtomicFile {
  sweepPartials(dirname(final))
  const partial = partialPath(final)
  let fd: number | null = openSync(partial, 'wx', options.mode ?? 0o600)
  const close = () => {
    if (fd === null) return
    const open = fd
    fd = null
    closeSync(open)
  }
  const abort = () => {
    try {
      close()
    } catch {
      // closing failed: the file is removed all the same
    }
    rmSync(partial, { force: true })
  }
  return {
    partial,
    write(chunk) {
      if (fd === null) throw new Error('The file is already closed')
      if (typeof chunk === 'string') writeSync(fd, chunk, null, 'utf8')
      else writeSync(fd, chunk)
    },
    flush() {
      if (fd === null) throw new Error('The file is already closed')
      fsyncSync(fd)
      close()
    },
    commit() {
      if (fd === null) throw new Error('The file is already closed')
      try {
        fsyncSync(fd)
        close()
        renameSync(partial, final)
      } catch (error) {
        abort()
        throw error
      }
      syncFolder(dirname(final))
    },
    abort,
  }
}

/**
 * Runs `work` with a writer into a temporary file beside `final`, and renames it into
 * place when `work` returns and `keep(result)` says so (a cancelled export: not kept).
 * Any error, or a result not kept, removes the temporary file.
 */
export async function writeAtomically<T>(
  final: string,
  work: (write: (chunk: string | Uint8Array) => void) => T | Promise<T>,
  options: AtomicOptions & { keep?: (result: T) => boolean } = {},
): Promise<T> {
  const file = openAtomicFile(final, options)
  let done = false
  try {
    const result = await work((chunk) => file.write(chunk))
    if (options.keep && !options.keep(result)) return result
    file.commit()
    done = true
    return result
  } finally {
    if (!done) file.abort()
  }
}

/** The whole content at once (a PDF, a report, the recovery file). */
export function writeFileAtomic(
  final: string,
  data: string | Uint8Array,
  options: AtomicOptions = {},
): void {
  const file = openAtomicFile(final, options)
  try {
    file.write(data)
  } catch (error) {
    file.abort()
    throw error
  }
  file.commit()
}

/**
 * Writes `data` to `final` only if no file has that name, atomically: the whole content
 * under a temporary name, flushed, then linked to `final` — a link never replaces a file,
 * so two processes creating it at once leave one of them whole and the other gets EEXIST.
 * Used for what must never be replaced by a different content (the database key).
 */
export function createFileAtomic(
  final: string,
  data: string | Uint8Array,
  options: AtomicOptions = {},
): void {
  const file = openAtomicFile(final, options)
  try {
    file.write(data)
    file.flush()
    try {
      linkSync(file.partial, final)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      // a folder without hard links (some removable or network drives): rename if free
      if (code === 'EEXIST' || existsSync(final)) throw error
      renameSync(file.partial, final)
    }
    syncFolder(dirname(final))
  } finally {
    file.abort()
  }
}
