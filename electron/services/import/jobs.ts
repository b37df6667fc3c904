import type { Actor } from '@shared/api/roles'
import type { IdentificationField } from '@shared/artisans/identification'
import { appError } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import type { Language } from '@shared/settings/language'
import type { Db } from '../database/open'
import type { Logger } from '../log'
import { guessMapping } from './columns'
import { parseCsv } from './csv'
import { readImportFile } from './read-file'
import { errorReportCsv } from './error-report'
import { importRows } from './run-import'

/**
 * Imports started from the screen run as jobs in the host process: the call returns at
 * once, the screen polls the status (progress, then the summary and the error report)
 * and may cancel between batches.
 */
interface Job {
  state: 'running' | 'done' | 'cancelled' | 'failed'
  done: number
  total: number
  counts: { created: number; matched: number; rejected: number; empty: number }
  report: string | null
  stop: boolean
}

/** The rows of a file sent from the screen: CSV text, or bytes (XLSX, CSV in any encoding). */
export function rowsOf(file: {
  text?: string | undefined
  base64?: string | undefined
}): string[][] {
  return file.base64 !== undefined
    ? readImportFile(Buffer.from(file.base64, 'base64'))
    : parseCsv(file.text ?? '')
}

export function previewImport(file: { text?: string | undefined; base64?: string | undefined }) {
  const rows = rowsOf(file)
  const header = rows[0] ?? []
  const mapping = Object.fromEntries(
    Object.entries(guessMapping(header)).map(([i, f]) => [String(i), f]),
  )
  return { header, mapping, sample: rows.slice(1, 6), rows: Math.max(0, rows.length - 1) }
}

export function createImportJobs(db: Db, log: Logger) {
  const jobs = new Map<string, Job>()

  function start(
    actor: Actor,
    input: {
      fileName: string
      text?: string | undefined
      base64?: string | undefined
      mapping: Record<string, IdentificationField>
      dryRun: boolean
      language: Language
    },
  ): { jobId: string } {
    const rows = rowsOf(input)
    const mapping = Object.fromEntries(
      Object.entries(input.mapping).map(([i, f]) => [Number(i), f]),
    )
    const id = uuidv7()
    const job: Job = {
      state: 'running',
      done: 0,
      total: Math.max(0, rows.length - 1),
      counts: { created: 0, matched: 0, rejected: 0, empty: 0 },
      report: null,
      stop: false,
    }
    jobs.set(id, job)
    importRows(db, actor, rows, mapping, {
      dryRun: input.dryRun,
      source: `import:${input.fileName}`,
      onProgress: (done) => (job.done = done),
      shouldStop: () => job.stop,
      log,
    }).then(
      (summary) => {
        job.counts = {
          created: summary.created,
          matched: summary.matched,
          rejected: summary.rejected,
          empty: summary.empty,
        }
        job.report =
          summary.rejected > 0 ? errorReportCsv(rows[0] ?? [], rows, summary, input.language) : null
        job.state = summary.cancelled ? 'cancelled' : 'done'
      },
      (error: unknown) => {
        log.error('import failed', error)
        job.state = 'failed'
      },
    )
    return { jobId: id }
  }

  function status(jobId: string) {
    const job = jobs.get(jobId)
    if (!job) throw appError('not_found', 'errors.not_found')
    return { state: job.state, done: job.done, total: job.total, ...job.counts, report: job.report }
  }

  function cancel(jobId: string): { ok: true } {
    const job = jobs.get(jobId)
    if (!job) throw appError('not_found', 'errors.not_found')
    job.stop = true
    return { ok: true }
  }

  return { start, status, cancel }
}
