import type { Actor } from '@shared/api/roles'
import { AppError, appError } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import type { Db } from '../database/open'
import type { Logger } from '../log'
import { drawCertificate, type CertificateContent } from './certificate'
import { chamberOf, recordIssue } from './issue'
import { newDocument, t, toBuffer } from './page'

/**
 * Batch printing of registration certificates: the artisans registered in the RNA since a
 * date (by default those without a certificate yet) → one PDF, a page each, each one
 * issued and recorded like a single certificate. Runs as a job with progress; stopping it
 * keeps what was issued and gives the PDF of those pages.
 */
export interface BatchSelection {
  registeredSince: string
  withoutCertificate: boolean
}

const MAX = 5000
/** Certificates issued per transaction, between two looks at the stop button. */
const CHUNK = 20

function select(db: Db, s: BatchSelection): string[] {
  return db
    .prepare(
      `SELECT id FROM artisan
       WHERE rna_status = 'registered' AND nia IS NOT NULL AND deleted_at IS NULL
         AND rna_registered_at >= ? ${s.withoutCertificate ? 'AND certificate_issued_at IS NULL' : ''}
       ORDER BY rna_registered_at, num LIMIT ${MAX + 1}`,
    )
    .pluck()
    .all(s.registeredSince) as string[]
}

export function countBatch(db: Db, s: BatchSelection): { count: number; max: number } {
  return { count: select(db, s).length, max: MAX }
}

/** Prints the selection into one PDF; `step` is told after each page. */
export async function printBatch(
  db: Db,
  actor: Actor,
  s: BatchSelection,
  options: { onProgress?: (done: number, total: number) => void; shouldStop?: () => boolean } = {},
): Promise<{ pdf: Buffer; pages: number; cancelled: boolean; warnings: string[] }> {
  const ids = select(db, s)
  if (ids.length > MAX)
    throw appError('validation', 'errors.batch_too_big', { count: ids.length, max: MAX })
  const chamber = chamberOf(db)
  const doc = newDocument(t('fr', 'documents.batchTitle'))
  const warnings = new Set<string>()
  let pages = 0
  let cancelled = false
  /** Issues a chunk of certificates in one transaction; each one on its own savepoint. */
  const issueChunk = db.transaction((chunk: string[]) =>
    chunk.flatMap((id) => {
      try {
        return [db.transaction(() => recordIssue(db, actor, id, 'certificate'))()]
      } catch (error) {
        // One file that cannot be printed (a character outside the fonts) does not stop
        // the batch: it is left unissued and reported.
        if (!(error instanceof AppError)) throw error
        warnings.add(error.data.key)
        return []
      }
    }),
  )
  for (let from = 0; from < ids.length; from += CHUNK) {
    if (options.shouldStop?.()) {
      cancelled = true
      break
    }
    for (const row of issueChunk(ids.slice(from, from + CHUNK))) {
      if (pages > 0) doc.addPage()
      const found: string[] = []
      drawCertificate(doc, JSON.parse(row.contentJson) as CertificateContent, chamber, 0, found)
      for (const w of found) warnings.add(w)
      pages++
    }
    options.onProgress?.(pages, ids.length)
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  return { pdf: await toBuffer(doc), pages, cancelled, warnings: [...warnings] }
}

interface Job {
  state: 'running' | 'done' | 'cancelled' | 'failed'
  done: number
  total: number
  stop: boolean
  pdf: Buffer | null
}

export function createBatchJobs(db: Db, log: Logger) {
  const jobs = new Map<string, Job>()
  const find = (jobId: string) => {
    const job = jobs.get(jobId)
    if (!job) throw appError('not_found', 'errors.not_found')
    return job
  }
  return {
    start(actor: Actor, s: BatchSelection): { jobId: string; total: number } {
      const { count } = countBatch(db, s)
      if (count > MAX) throw appError('validation', 'errors.batch_too_big', { count, max: MAX })
      const jobId = uuidv7()
      const job: Job = { state: 'running', done: 0, total: count, stop: false, pdf: null }
      jobs.set(jobId, job)
      printBatch(db, actor, s, {
        onProgress: (done) => (job.done = done),
        shouldStop: () => job.stop,
      }).then(
        (r) => {
          job.pdf = r.pages > 0 ? r.pdf : null
          job.state = r.cancelled ? 'cancelled' : 'done'
        },
        (error: unknown) => {
          log.error('batch printing failed', error)
          job.state = 'failed'
        },
      )
      return { jobId, total: count }
    },
    status(jobId: string) {
      const { state, done, total } = find(jobId)
      return { state, done, total }
    },
    file(jobId: string) {
      const job = find(jobId)
      if (!job.pdf) throw appError('not_found', 'errors.not_found')
      jobs.delete(jobId)
      return {
        fileName: `sijill-attestations-${new Date().toISOString().slice(0, 10)}.pdf`,
        base64: job.pdf.toString('base64'),
      }
    },
    cancel(jobId: string): { ok: true } {
      find(jobId).stop = true
      return { ok: true }
    },
  }
}
