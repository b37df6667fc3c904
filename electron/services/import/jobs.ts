import { MAX_HELD_SHOWN, MAX_IMPORT_BYTES, type HeldRow } from '@shared/api/methods/imports'
import type { Actor } from '@shared/api/roles'
import type { IdentificationField } from '@shared/artisans/identification'
import { appError } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import type { Language } from '@shared/settings/language'
import { markNotSame } from '../artisans/duplicates'
import { identifyArtisan } from '../artisans/identify'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import type { Logger } from '../log'
import { addCinToFile } from './add-cin'
import { guessMapping } from './columns'
import { errorReportCsv, hasReport } from './error-report'
import { readImportFile, readImportText, tooBig } from './read-file'
import { dataRowCount, importRows, type HeldDetail } from './run-import'

/**
 * Imports started from the screen run as jobs in the host process: the call returns at
 * once, the screen polls the status (progress, then the summary, the rows held for a
 * person to decide and the error report) and may cancel between batches. A held row is
 * registered as a new file, its CIN added to the file without one it matches, or skipped,
 * only when a person says so (`decide`).
 */
interface Job {
  state: 'running' | 'done' | 'cancelled' | 'failed'
  done: number
  total: number
  counts: { created: number; matched: number; rejected: number; empty: number; held: number }
  held: Map<number, HeldDetail & Pick<HeldRow, 'decision' | 'createdId' | 'awaitsApproval'>>
  source: string
  dryRun: boolean
  report: string | null
  stop: boolean
}

interface ChosenFile {
  fileName?: string | undefined
  text?: string | undefined
  base64?: string | undefined
}

/** The rows of a file sent from the screen: CSV text, or bytes (XLSX, CSV in any encoding). */
export function rowsOf(file: ChosenFile): string[][] {
  if (file.base64 === undefined) return readImportText(file.text ?? '')
  // Refused from its length, before a byte is decoded.
  const size = Math.floor((file.base64.length * 3) / 4)
  if (size > MAX_IMPORT_BYTES + 2) throw tooBig(size)
  return readImportFile(Buffer.from(file.base64, 'base64'), file.fileName ?? '')
}

export function previewImport(file: ChosenFile) {
  const rows = rowsOf(file)
  const header = rows[0] ?? []
  const mapping = Object.fromEntries(
    Object.entries(guessMapping(header)).map(([i, f]) => [String(i), f]),
  )
  return { header, mapping, sample: rows.slice(1, 6), rows: dataRowCount(rows) }
}

export function createImportJobs(db: Db, log: Logger) {
  const jobs = new Map<string, Job>()
  const jobOf = (jobId: string) => {
    const job = jobs.get(jobId)
    if (!job) throw appError('not_found', 'errors.not_found')
    return job
  }

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
    if (Object.keys(mapping).length === 0) throw appError('validation', 'errors.import_no_columns')
    const id = uuidv7()
    const job: Job = {
      state: 'running',
      done: 0,
      total: dataRowCount(rows),
      counts: { created: 0, matched: 0, rejected: 0, empty: 0, held: 0 },
      held: new Map(),
      source: `import:${input.fileName}`,
      dryRun: input.dryRun,
      report: null,
      stop: false,
    }
    jobs.set(id, job)
    importRows(db, actor, rows, mapping, {
      dryRun: input.dryRun,
      source: job.source,
      onProgress: (done) => (job.done = done),
      shouldStop: () => job.stop,
      log,
    }).then(
      (summary) => {
        const { created, matched, rejected, empty, held } = summary
        job.counts = { created, matched, rejected, empty, held }
        for (const r of summary.rows)
          if (r.held)
            job.held.set(r.line, {
              ...r.held,
              decision: null,
              createdId: null,
              awaitsApproval: false,
            })
        job.report = hasReport(summary)
          ? errorReportCsv(rows[0] ?? [], rows, summary, input.language)
          : null
        job.state = summary.cancelled ? 'cancelled' : 'done'
      },
      (error: unknown) => {
        log.error('import failed', error)
        job.state = 'failed'
      },
    )
    return { jobId: id }
  }

  const shown = (line: number, h: Job['held'] extends Map<number, infer H> ? H : never) => ({
    line,
    reason: h.reason,
    row: h.row,
    file: h.file,
    decision: h.decision,
    createdId: h.createdId,
    awaitsApproval: h.awaitsApproval,
  })

  function status(jobId: string) {
    const job = jobOf(jobId)
    const heldRows = [...job.held].slice(0, MAX_HELD_SHOWN).map(([line, h]) => shown(line, h))
    return {
      state: job.state,
      done: job.done,
      total: job.total,
      ...job.counts,
      heldRows,
      dryRun: job.dryRun,
      report: job.report,
    }
  }

  /**
   * A person's decision on a held row. `register`: a new file from the row — only when its
   * CIN is not the file's (`other_cin`, `file_without_cin`) and still free — recording that
   * the two files are different people. `add_cin`: the row's CIN written into the file
   * without one it matches (`file_without_cin` only; add-cin.ts). `skip`: nothing written.
   * A row that carries a file's CIN can only be skipped: the file itself is corrected at
   * the counter. A dry run wrote nothing, so it takes `skip` only.
   */
  function decide(
    actor: Actor,
    input: { jobId: string; line: number; decision: 'register' | 'add_cin' | 'skip' },
  ): HeldRow {
    const job = jobOf(input.jobId)
    const held = job.held.get(input.line)
    if (!held) throw appError('not_found', 'errors.not_found')
    if (held.decision) return shown(input.line, held)
    if (input.decision === 'skip') {
      held.decision = 'skipped'
      return shown(input.line, held)
    }
    if (job.dryRun) throw appError('validation', 'errors.import_dry_run_decision')
    const cin = held.data.cin
    if (held.reason !== 'other_cin' && held.reason !== 'file_without_cin')
      throw appError('conflict', 'errors.import_held_same_cin', { cin: cin ?? '' })
    if (!cin) throw appError('conflict', 'errors.import_held_same_cin', { cin: '' })
    if (input.decision === 'add_cin') {
      if (held.reason !== 'file_without_cin')
        throw appError('conflict', 'errors.import_held_file_has_cin', {
          cin: held.file.cin ?? '',
        })
      held.awaitsApproval = addCinToFile(db, actor, held.file.id, cin, job.source).awaitsApproval
      held.decision = 'cin_added'
      return shown(input.line, held)
    }
    const id = db.transaction(() => {
      const taken = sql(db, 'SELECT 1 FROM artisan WHERE cin = ? AND deleted_at IS NULL').get(cin)
      if (taken) throw appError('conflict', 'errors.cin_taken', { cin })
      const created = identifyArtisan(db, actor, held.data, job.source).id
      markNotSame(db, actor, created, held.file.id)
      return created
    })()
    held.decision = 'registered'
    held.createdId = id
    return shown(input.line, held)
  }

  function cancel(jobId: string): { ok: true } {
    jobOf(jobId).stop = true
    return { ok: true }
  }

  return { start, status, decide, cancel }
}
