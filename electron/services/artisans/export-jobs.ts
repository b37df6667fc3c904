import type { Actor } from '@shared/api/roles'
import { SCREEN_EXPORT_MAX } from '@shared/api/methods/exports'
import type { ListFilter } from '@shared/artisans/list'
import { appError } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import type { Language } from '@shared/settings/language'
import { appendAudit } from '../audit/audit-log'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import type { Logger } from '../log'
import { exportRegister, type ExportFormat } from './export'
import { countArtisans } from './list'

/**
 * Exports started from the screen run as jobs in the host process, like imports: the
 * screen polls the progress, may cancel, and fetches the file once when it is done (the
 * bytes are then forgotten). Each export is audited: who copied which list, how many files.
 */
interface Job {
  state: 'running' | 'done' | 'cancelled' | 'failed'
  done: number
  total: number
  stop: boolean
  chunks: Uint8Array[]
  fileName: string
  mime: string
}

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

export function createExportJobs(db: Db, log: Logger) {
  const jobs = new Map<string, Job>()
  const find = (jobId: string) => {
    const job = jobs.get(jobId)
    if (!job) throw appError('not_found', 'errors.not_found')
    return job
  }

  function start(
    actor: Actor,
    input: { format: ExportFormat; filter: ListFilter; language: Language },
  ): { jobId: string; total: number } {
    const total = countArtisans(db, input.filter)
    if (total > SCREEN_EXPORT_MAX)
      throw appError('validation', 'errors.export_too_big', {
        count: total,
        max: SCREEN_EXPORT_MAX,
      })
    const id = uuidv7()
    const day = nowIso().slice(0, 10)
    const job: Job = {
      state: 'running',
      done: 0,
      total,
      stop: false,
      chunks: [],
      fileName: `sijill-artisans-${day}.${input.format}`,
      mime: MIME[input.format],
    }
    jobs.set(id, job)
    exportRegister(db, {
      ...input,
      write: (chunk) => job.chunks.push(chunk),
      onProgress: (rows) => (job.done = rows),
      shouldStop: () => job.stop,
    }).then(
      (result) => {
        job.state = result.cancelled ? 'cancelled' : 'done'
        if (result.cancelled) job.chunks = []
        else
          db.transaction(() =>
            appendAudit(
              db,
              actor,
              {
                action: 'artisans.export',
                entityType: 'export',
                entityId: id,
                before: null,
                after: { format: input.format, filter: input.filter, rows: result.rows },
              },
              nowIso(),
            ),
          )()
      },
      (error: unknown) => {
        log.error('export failed', error)
        job.state = 'failed'
        job.chunks = []
      },
    )
    return { jobId: id, total }
  }

  function status(jobId: string) {
    const { state, done, total } = find(jobId)
    return { state, done, total }
  }

  function file(jobId: string) {
    const job = find(jobId)
    if (job.state !== 'done') throw appError('conflict', 'errors.not_found')
    jobs.delete(jobId)
    return {
      fileName: job.fileName,
      mime: job.mime,
      base64: Buffer.concat(job.chunks).toString('base64'),
    }
  }

  function cancel(jobId: string): { ok: true } {
    find(jobId).stop = true
    return { ok: true }
  }

  return { start, status, file, cancel }
}
