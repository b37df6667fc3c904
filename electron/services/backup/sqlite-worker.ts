import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3-multiple-ciphers'
import { CIPHER, CIPHER_LEGACY } from '../database/open'
import { FACT_QUERIES, type FactQuery, type FactValues } from './describe'

/**
 * The long SQLite jobs of backup and restore run on their own connection in a worker
 * thread, so the desk's connection and event loop keep serving the counter meanwhile:
 * `VACUUM INTO` (a consistent copy of the live database, encrypted with the same key:
 * 1.6 s at 200,000 artisans on an idle machine), `PRAGMA integrity_check` (4.6 s), and the
 * counts of the restore warning (a whole-table read, about 1 s). The worker's code is
 * inline (no extra build entry); when the worker cannot load SQLite, the same job runs
 * here, in this thread.
 */
export type SqliteTask =
  /** Copies `file` into `out`, then reads the copy's facts. */
  | { task: 'vacuum'; file: string; key: Buffer; out: string }
  /** integrity_check, then the facts. */
  | { task: 'integrity'; file: string; key: Buffer }
  | { task: 'facts'; file: string; key: Buffer }

export interface SqliteTaskOptions {
  nativeBinding?: string
}

export interface SqliteTaskResult {
  /** integrity_check's lines (empty unless asked). */
  lines: string[]
  facts: FactValues
}

export interface RunningTask {
  done: Promise<SqliteTaskResult>
  /** Stops the job (waits for the thread to end: SQLite finishes its current statement). */
  stop(): Promise<void>
}

interface Reply {
  ok: boolean
  lines?: string[]
  facts?: FactValues
  message?: string
  code?: string
}

const NO_MODULE = 'SIJILL_NO_MODULE'
const WORKER_CODE = `
const { parentPort, workerData: w } = require('node:worker_threads')
;(function () {
let Database
try {
  Database = require(w.module)
} catch (e) {
  parentPort.postMessage({ ok: false, message: String(e && e.message), code: '${NO_MODULE}' })
  return
}
function open(file) {
  const db = new Database(file, w.nativeBinding ? { nativeBinding: w.nativeBinding } : {})
  db.pragma("cipher='" + w.cipher + "'")
  db.pragma('legacy=' + w.legacy)
  db.pragma('key="x\\'' + w.keyHex + '\\'"')
  db.pragma('busy_timeout = 5000')
  db.prepare('SELECT count(*) FROM sqlite_master').get()
  return db
}
function facts(db) {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
  const values = {}
  for (const q of w.queries) {
    const row = q.table === null || exists.get(q.table) !== undefined
      ? db.prepare(q.sql).pluck().get() : null
    values[q.name] = row === undefined ? null : row
  }
  return values
}
const dbs = []
try {
  const db = open(w.file)
  dbs.push(db)
  let lines = []
  let target = db
  if (w.task === 'vacuum') {
    db.prepare('VACUUM INTO ?').run(w.out)
    target = open(w.out)
    dbs.push(target)
  } else if (w.task === 'integrity') {
    lines = db.prepare('PRAGMA integrity_check(20)').pluck().all().map(String)
  }
  const values = lines.length === 0 || lines[0] === 'ok' ? facts(target) : {}
  parentPort.postMessage({ ok: true, lines, facts: values })
} catch (e) {
  parentPort.postMessage({ ok: false, message: String(e && e.message), code: e && e.code })
} finally {
  for (const db of dbs) if (db.open) db.close()
}
})()
`

export class SqliteTaskError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message)
    this.name = 'SqliteTaskError'
  }
}

function openHere(file: string, key: Buffer, options: SqliteTaskOptions): Database.Database {
  const db = new Database(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  )
  try {
    db.pragma(`cipher='${CIPHER}'`)
    db.pragma(`legacy=${CIPHER_LEGACY}`)
    db.pragma(`key="x'${key.toString('hex')}'"`)
    db.pragma('busy_timeout = 5000')
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

function factsHere(db: Database.Database, queries: readonly FactQuery[]): FactValues {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
  const values: FactValues = {}
  for (const q of queries)
    values[q.name] =
      q.table === null || exists.get(q.table) !== undefined
        ? (db.prepare(q.sql).pluck().get() ?? null)
        : null
  return values
}

/** The same job in this thread (no worker available). */
function runHere(t: SqliteTask, options: SqliteTaskOptions): SqliteTaskResult {
  const dbs: Database.Database[] = []
  try {
    const db = openHere(t.file, t.key, options)
    dbs.push(db)
    let lines: string[] = []
    let target = db
    if (t.task === 'vacuum') {
      db.prepare('VACUUM INTO ?').run(t.out)
      target = openHere(t.out, t.key, options)
      dbs.push(target)
    } else if (t.task === 'integrity') {
      lines = (db.prepare('PRAGMA integrity_check(20)').pluck().all() as unknown[]).map(String)
    }
    const ok = lines.length === 0 || lines[0] === 'ok'
    return { lines, facts: ok ? factsHere(target, FACT_QUERIES) : {} }
  } catch (error) {
    const e = error as { message?: string; code?: string }
    throw new SqliteTaskError(String(e.message), e.code)
  } finally {
    for (const db of dbs) db.close()
  }
}

function modulePath(): string | null {
  try {
    return createRequire(__filename).resolve('better-sqlite3-multiple-ciphers')
  } catch {
    return null
  }
}

function runHereLater(t: SqliteTask, options: SqliteTaskOptions): Promise<SqliteTaskResult> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(runHere(t, options))
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    }),
  )
}

export function runSqliteTask(t: SqliteTask, options: SqliteTaskOptions = {}): RunningTask {
  const module = modulePath()
  let worker: Worker | null = null
  if (module) {
    try {
      worker = new Worker(WORKER_CODE, {
        eval: true,
        workerData: {
          module,
          task: t.task,
          file: t.file,
          out: t.task === 'vacuum' ? t.out : null,
          keyHex: t.key.toString('hex'),
          cipher: CIPHER,
          legacy: CIPHER_LEGACY,
          nativeBinding: options.nativeBinding ?? null,
          queries: FACT_QUERIES,
        },
      })
    } catch {
      worker = null
    }
  }
  if (!worker) {
    const done = runHereLater(t, options)
    return {
      done,
      stop: () =>
        done.then(
          () => undefined,
          () => undefined,
        ),
    }
  }
  const w = worker
  let stopped = false
  const done = new Promise<SqliteTaskResult>((resolve, reject) => {
    let replied = false
    w.once('message', (reply: Reply) => {
      replied = true
      if (reply.ok) resolve({ lines: reply.lines ?? [], facts: reply.facts ?? {} })
      // The worker cannot load the SQLite module (a packaging layout): do it here.
      else if (reply.code === NO_MODULE) runHereLater(t, options).then(resolve, reject)
      else reject(new SqliteTaskError(reply.message ?? 'sqlite task failed', reply.code))
    })
    w.once('error', (error) => {
      replied = true
      reject(error)
    })
    w.once('exit', (code) => {
      if (!replied)
        reject(new SqliteTaskError(stopped ? 'stopped' : `worker ended (${code})`, 'STOPPED'))
    })
  })
  return {
    done,
    stop: async () => {
      stopped = true
      await w.terminate()
    },
  }
}
