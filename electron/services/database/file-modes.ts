import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs'

/**
 * The data folder holds the register and its key: only the OS account running Sijill may
 * read it. The folder is 0700 and the database files 0600, also when the folder existed
 * before (made by an installer, a script, or an older version). A new database file is
 * made empty with 0600 before SQLite opens it, so its WAL and shared-memory files (which
 * SQLite makes with the database file's own mode) are 0600 too. On Windows the modes mean
 * little and the calls change nothing; where the OS refuses, the folder is left as it is.
 */
const SIDE_FILES = ['', '-wal', '-shm']

function tighten(path: string, mode: number): void {
  try {
    if ((statSync(path).mode & 0o777) !== mode) chmodSync(path, mode)
  } catch {
    // Not ours to change (another owner, a file system without modes): leave it.
  }
}

export function protectDataFolder(dataDir: string, databaseFile: string): void {
  tighten(dataDir, 0o700)
  if (!existsSync(databaseFile)) closeSync(openSync(databaseFile, 'wx', 0o600))
  for (const suffix of SIDE_FILES) {
    const file = databaseFile + suffix
    if (existsSync(file)) tighten(file, 0o600)
  }
}
