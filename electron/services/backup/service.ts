import { resolve } from 'node:path'
import type {
  BackupJobState,
  BackupSettings,
  BackupStatus,
  RestorePreview,
} from '@shared/api/methods/backup'
import type { Actor } from '@shared/api/roles'
import { AppError, appError, errorDataOf } from '@shared/errors'
import { uuidv7 } from '@shared/ids/uuidv7'
import { appendAudit } from '../audit/audit-log'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import type { Logger } from '../log'
import { SYSTEM_ACTOR } from '../settings/desk-actor'
import { deskIdentity, isSetupDone } from '../settings/desk-profile-service'
import { takeBackup, type BackupRunOptions } from './backup'
import { sweepStaleWork } from '../files/stale-work'
import { applyRetention, listBackups } from './folder'
import {
  checkBackup,
  currentOf,
  discardCheck,
  discardPendingRestore,
  isRestorePending,
  liveFacts,
  previewOf,
  stageRestore,
} from './restore'
import { isDue, nextDueAt, startSchedule } from './schedule'
import {
  backupFolder,
  backupSettings,
  defaultBackupFolder,
  ensureDefaultFolder,
  lastBackup,
  recordOutcome,
  scheduleState,
  setBackupSettings,
} from './settings'

/**
 * The desk's backups as the API and the scheduler see them: one backup at a time as a
 * job (progress, cancel), its outcome recorded in the settings, retention applied after
 * each backup into the chosen folder; the status screen; and restore (check, then stage).
 */
export interface BackupDeps {
  db: Db
  databaseFile: string
  dataDir: string
  key: Buffer
  appVersion: string
  nativeBinding?: string
  log: Logger
  now?: () => Date
  /** Tests only: passed to every backup (e.g. a sink that fails like a full disk). */
  runOptions?: Pick<BackupRunOptions, 'openSink'>
}

interface Job extends BackupJobState {
  controller: AbortController
  finished: Promise<void>
}

const KEEP_JOBS = 10

export function createBackups(deps: BackupDeps) {
  const { db, log } = deps
  const swept = sweepStaleWork(deps.dataDir, [
    defaultBackupFolder(deps.dataDir),
    backupFolder(backupSettings(db), deps.dataDir),
  ])
  if (swept > 0) log.info('start-up: removed temporary files a stopped job left', { swept })
  const now = deps.now ?? (() => new Date())
  const jobs = new Map<string, Job>()
  let running: Job | null = null

  const view = (job: Job): BackupJobState => ({
    jobId: job.jobId,
    state: job.state,
    automatic: job.automatic,
    phase: job.phase,
    percent: Math.round(job.percent * 10) / 10,
    file: job.file,
    error: job.error,
  })

  function start(actor: Actor, input: { folder?: string; file?: string }, automatic = false) {
    if (running) throw appError('conflict', 'errors.backup_running')
    const settings = backupSettings(db)
    const folder = input.folder ? resolve(input.folder) : backupFolder(settings, deps.dataDir)
    if (!input.file && folder === defaultBackupFolder(deps.dataDir))
      ensureDefaultFolder(deps.dataDir)
    const target = input.file ? { file: resolve(input.file) } : { folder }
    const retain = 'folder' in target && target.folder === backupFolder(settings, deps.dataDir)
    const controller = new AbortController()
    const job: Job = {
      jobId: uuidv7(),
      state: 'running',
      automatic,
      phase: 'snapshot',
      percent: 0,
      file: null,
      error: null,
      controller,
      finished: Promise.resolve(),
    }
    const at = nowIso()
    job.finished = takeBackup(
      {
        db,
        databaseFile: deps.databaseFile,
        dataDir: deps.dataDir,
        key: deps.key,
        appVersion: deps.appVersion,
        ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
      },
      target,
      {
        ...deps.runOptions,
        signal: controller.signal,
        now,
        onProgress: (p) => {
          job.phase = p.phase
          job.percent = p.percent
        },
      },
    )
      .then(async (result) => {
        recordOutcome(
          db,
          actor,
          { at, ok: true, automatic, file: result.file, sizeBytes: result.sizeBytes, error: null },
          retain,
        )
        if (retain && 'folder' in target) {
          const { deskId } = deskIdentity(db)
          await applyRetention(target.folder, deskId, deps.key, settings.keep).catch(
            (error: unknown) => log.error('backup retention failed', error),
          )
        }
        Object.assign(job, { state: 'done', phase: 'done', percent: 100, file: result.file })
        running = null
      })
      .catch((error: unknown) => {
        const data = errorDataOf(error)
        const wasCancelled = data.key === 'errors.backup_cancelled'
        if (!(error instanceof AppError)) log.error('backup failed', error)
        Object.assign(job, {
          state: wasCancelled ? 'cancelled' : 'failed',
          error: { key: data.key, ...(data.params ? { params: data.params } : {}) },
        })
        running = null
        recordOutcome(db, actor, {
          at,
          ok: false,
          automatic,
          file: null,
          sizeBytes: null,
          error: job.error,
        })
      })
    running = job
    jobs.set(job.jobId, job)
    for (const old of [...jobs.keys()].slice(0, -KEEP_JOBS)) jobs.delete(old)
    return { jobId: job.jobId }
  }

  const find = (jobId: string): Job => {
    const job = jobs.get(jobId)
    if (!job) throw appError('not_found', 'errors.not_found')
    return job
  }

  async function status(): Promise<BackupStatus> {
    const settings = backupSettings(db)
    const next = nextDueAt(now(), settings, scheduleState(db))
    let files: BackupStatus['files'] = []
    let folderError: BackupStatus['folderError'] = null
    const folder = backupFolder(settings, deps.dataDir)
    try {
      if (!settings.folder) ensureDefaultFolder(deps.dataDir)
      files = await listBackups(folder, deskIdentity(db).deskId, deps.key)
    } catch (error) {
      const data = errorDataOf(error)
      folderError = { key: data.key, ...(data.params ? { params: data.params } : {}) }
    }
    return {
      settings,
      folder,
      defaultFolder: defaultBackupFolder(deps.dataDir),
      last: lastBackup(db),
      nextDueAt: next ? next.toISOString() : null,
      running: running ? view(running) : null,
      files,
      folderError,
      restorePending: isRestorePending(deps.dataDir),
    }
  }

  const checkOptions = deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}
  const current = async () => currentOf(await liveFacts(deps.databaseFile, deps.key, checkOptions))

  async function restorePrepare(path: string): Promise<RestorePreview> {
    const checked = await checkBackup(resolve(path), deps.key, deps.dataDir, checkOptions)
    try {
      return previewOf(checked, await current())
    } finally {
      discardCheck(checked)
    }
  }

  async function restoreApply(actor: Actor, path: string) {
    const checked = await checkBackup(resolve(path), deps.key, deps.dataDir, checkOptions)
    let preview: RestorePreview
    try {
      const before = await current()
      preview = previewOf(checked, before)
      await stageRestore(checked, deps.key, before, actor, deps.dataDir, checkOptions)
    } catch (error) {
      discardCheck(checked)
      throw error
    }
    audit(actor, 'backup.restore_staged', {
      file: checked.file,
      createdAt: preview.backup.createdAt,
    })
    return { ...preview, restartRequired: true as const }
  }

  function audit(actor: Actor, action: string, after: unknown): void {
    db.transaction(() =>
      appendAudit(
        db,
        actor,
        { action, entityType: 'database', entityId: deskIdentity(db).deskId, before: null, after },
        nowIso(),
      ),
    )()
  }

  function restoreDiscard(actor: Actor) {
    const discarded = discardPendingRestore(deps.dataDir)
    if (discarded) audit(actor, 'backup.restore_discarded', { discarded })
    return { discarded }
  }

  /** One look of the daily schedule: starts the automatic backup when due. */
  function checkSchedule(): void {
    try {
      // Nothing to keep before the desk is set up.
      if (running || !db.open || !isSetupDone(db)) return
      if (isDue(now(), backupSettings(db), scheduleState(db))) start(SYSTEM_ACTOR, {}, true)
    } catch (error) {
      log.error('automatic backup could not start', error)
    }
  }

  return {
    status,
    setSettings: (actor: Actor, input: BackupSettings) => setBackupSettings(db, actor, input),
    start,
    jobStatus: (jobId: string) => view(find(jobId)),
    cancel(jobId: string): { ok: true } {
      find(jobId).controller.abort()
      return { ok: true }
    },
    /** Resolves when the job has ended (tests, CLI). */
    finished: (jobId: string) => find(jobId).finished,
    restorePrepare,
    restoreApply,
    restoreDiscard,
    checkSchedule,
    startSchedule: (timing?: { intervalMs?: number; firstMs?: number }) =>
      startSchedule(checkSchedule, timing),
    /** Stops a running backup (app closing); resolves once its thread has ended. */
    async stop(): Promise<void> {
      const job = running
      if (!job) return
      job.controller.abort()
      await job.finished
    },
  }
}

export type Backups = ReturnType<typeof createBackups>
