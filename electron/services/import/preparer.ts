import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Logger } from '../log'
import { prepareRows, type Mapping, type Prepared } from './prepare'
import { lookupsFrom, type ReferenceNames } from './reference-names'

/**
 * Prepares import batches in a worker thread (built as `import-worker.js` beside the
 * bundle; from TypeScript sources, through tsx), or in this thread when no worker can be
 * started — same results either way, only slower.
 */
export interface Preparer {
  /** Whether batches are prepared in a worker thread. */
  readonly threaded: boolean
  prepare(rows: string[][], from: number): Promise<Prepared[]>
  close(): void
}

/** The worker's code: the built file, or (tests, bench) the source through tsx's loader. */
function workerCode(): { code: string; eval: boolean } | null {
  const built = join(__dirname, 'import-worker.js')
  if (existsSync(built)) return { code: built, eval: false }
  const source = join(__dirname, 'prepare-worker.ts')
  if (!existsSync(source)) return null
  return { code: `require('tsx/cjs'); require(${JSON.stringify(source)})`, eval: true }
}

export function createPreparer(mapping: Mapping, names: ReferenceNames, log?: Logger): Preparer {
  const inline = (): Preparer => {
    const lookups = lookupsFrom(names)
    return {
      threaded: false,
      prepare: (rows, from) => Promise.resolve(prepareRows(rows, from, mapping, lookups)),
      close: () => undefined,
    }
  }
  const script = workerCode()
  if (!script) return inline()
  let worker: Worker
  try {
    worker = new Worker(script.code, { workerData: { mapping, names }, eval: script.eval })
  } catch (error) {
    log?.error('import worker unavailable, preparing rows in the main thread', error)
    return inline()
  }
  worker.unref()
  let next = 0
  const waiting = new Map<
    number,
    { resolve: (p: Prepared[]) => void; reject: (e: Error) => void }
  >()
  let failure: Error | null = null
  const failAll = (error: Error) => {
    failure = error
    for (const w of waiting.values()) w.reject(error)
    waiting.clear()
  }
  worker.on('message', (m: { id: number; prepared: Prepared[] }) => {
    waiting.get(m.id)?.resolve(m.prepared)
    waiting.delete(m.id)
  })
  worker.on('error', failAll)
  worker.on('exit', (code) => {
    if (waiting.size) failAll(new Error(`import worker stopped (${code})`))
  })
  return {
    threaded: true,
    prepare(rows, from) {
      if (failure) return Promise.reject(failure)
      const id = next++
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        worker.postMessage({ id, rows, from })
      })
    },
    close: () => void worker.terminate(),
  }
}
