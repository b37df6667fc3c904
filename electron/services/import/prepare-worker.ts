import { parentPort, workerData } from 'node:worker_threads'
import { prepareRows, type Mapping } from './prepare'
import { lookupsFrom, type ReferenceNames } from './reference-names'

/**
 * Worker thread of an import: prepares batches of rows (see prepare.ts) while the main
 * thread writes the previous batch, so the two cores of a counter PC share the work.
 */
const { mapping, names } = workerData as { mapping: Mapping; names: ReferenceNames }
const lookups = lookupsFrom(names)

parentPort?.on('message', (job: { id: number; rows: string[][]; from: number }) => {
  parentPort?.postMessage({
    id: job.id,
    prepared: prepareRows(job.rows, job.from, mapping, lookups),
  })
})
