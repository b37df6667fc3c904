import { z } from 'zod'
import { isAbsolutePath } from '../../text/control-chars'
import { EMPTY, method } from '../method'
import type { Role } from '../roles'

/**
 * Backups and restore: the settings of the daily automatic backup (folder, hour,
 * retention), a backup now as a job with progress and cancel, the backups found in the
 * folder, and restore in two steps — check a file and show what it would replace, then
 * stage it to be swapped in when Sijill restarts. Administrators only; a supervisor may
 * start a backup by hand.
 */
const ADMIN: readonly Role[] = ['administrator']
const BACKERS: readonly Role[] = ['administrator', 'supervisor']

const path = z
  .string()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(1000)
  .refine(isAbsolutePath, { error: 'validation.absolute_path' })
const params = z.record(z.string(), z.union([z.string(), z.number()]))
const ErrorSchema = z.object({ key: z.string(), params: params.optional() })

export const BackupCountsSchema = z.object({
  artisans: z.number().int(),
  documents: z.number().int(),
  sessions: z.number().int(),
})
export type BackupCounts = z.infer<typeof BackupCountsSchema>

export const BackupSettingsSchema = z.object({
  enabled: z.boolean(),
  /**
   * Folder of the backups (a USB drive or a network folder); null until chosen, and then
   * the backups go to the data folder's own `backups/` (the status's `defaultFolder`).
   */
  folder: z.string().trim().max(1000).nullable(),
  /** Local hour of the daily backup (0–23); a desk off at that hour backs up at next start. */
  hour: z.number().int().min(0).max(23),
  /** How many backups of this desk to keep in the folder (newest first). */
  keep: z.number().int().min(1).max(365),
})
export type BackupSettings = z.infer<typeof BackupSettingsSchema>

/** What an administrator may save: the folder, when given, is an absolute path. */
const BackupSettingsInputSchema = BackupSettingsSchema.extend({
  folder: z
    .string()
    .trim()
    .max(1000)
    .refine((f) => f === '' || isAbsolutePath(f), { error: 'validation.absolute_path' })
    .nullable(),
})

export const LastBackupSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  automatic: z.boolean(),
  file: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  error: ErrorSchema.nullable(),
})
export type LastBackup = z.infer<typeof LastBackupSchema>

export const BackupFileSchema = z.object({
  file: z.string(),
  name: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number().int(),
  schemaVersion: z.number().int(),
  counts: BackupCountsSchema,
  /** Made by this desk (and with its key): retention only ever deletes these. */
  ofThisDesk: z.boolean(),
})
export type BackupFile = z.infer<typeof BackupFileSchema>

const JobStateSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  automatic: z.boolean(),
  phase: z.enum(['snapshot', 'copy', 'done']),
  percent: z.number().min(0).max(100),
  file: z.string().nullable(),
  error: ErrorSchema.nullable(),
})
export type BackupJobState = z.infer<typeof JobStateSchema>

export const BackupStatusSchema = z.object({
  settings: BackupSettingsSchema,
  /** Where the backups go: the chosen folder, or `defaultFolder` (absolute paths). */
  folder: z.string(),
  /** The data folder's own `backups/`, used while no folder is chosen. */
  defaultFolder: z.string(),
  last: LastBackupSchema.nullable(),
  nextDueAt: z.string().nullable(),
  running: JobStateSchema.nullable(),
  /** Backups found in the folder (newest first); empty when the folder is missing. */
  files: z.array(BackupFileSchema),
  folderError: ErrorSchema.nullable(),
  /** A verified backup waits to replace the database at the next start. */
  restorePending: z.boolean(),
})
export type BackupStatus = z.infer<typeof BackupStatusSchema>

export const RestorePreviewSchema = z.object({
  backup: z.object({
    file: z.string(),
    createdAt: z.string(),
    appVersion: z.string(),
    deskId: z.string(),
    deskName: z.string().nullable(),
    schemaVersion: z.number().int(),
    counts: BackupCountsSchema,
    lastChangeAt: z.string().nullable(),
    sizeBytes: z.number().int(),
  }),
  current: z.object({
    exists: z.boolean(),
    counts: BackupCountsSchema,
    lastChangeAt: z.string().nullable(),
  }),
  sameDesk: z.boolean(),
  /** The backup's schema is older: the restored copy is brought up to date. */
  migratedFrom: z.number().int().nullable(),
  schemaVersion: z.number().int(),
})
export type RestorePreview = z.infer<typeof RestorePreviewSchema>

export const backupMethods = {
  'backup.status': method({
    input: EMPTY,
    output: BackupStatusSchema,
    roles: BACKERS,
    needsSetup: true,
    writes: false,
  }),
  'backup.setSettings': method({
    input: BackupSettingsInputSchema,
    output: BackupSettingsSchema,
    roles: ADMIN,
    needsSetup: true,
    writes: true,
  }),
  'backup.start': method({
    /** Into `folder` (default: the settings' folder) under a dated name, or exactly into `file`. */
    input: z.object({ folder: path.optional(), file: path.optional() }).strict(),
    output: z.object({ jobId: z.string() }),
    roles: BACKERS,
    needsSetup: true,
    writes: true,
  }),
  'backup.jobStatus': method({
    input: z.object({ jobId: z.string().max(64) }),
    output: JobStateSchema,
    roles: BACKERS,
    needsSetup: true,
    writes: false,
  }),
  'backup.cancel': method({
    input: z.object({ jobId: z.string().max(64) }),
    output: z.object({ ok: z.literal(true) }),
    roles: BACKERS,
    needsSetup: true,
    writes: false,
  }),
  'backup.restorePrepare': method({
    input: z.object({ path }),
    output: RestorePreviewSchema,
    roles: ADMIN,
    needsSetup: true,
    writes: false,
  }),
  'backup.restoreApply': method({
    input: z.object({ path }),
    output: RestorePreviewSchema.extend({ restartRequired: z.literal(true) }),
    roles: ADMIN,
    needsSetup: true,
    writes: true,
  }),
  'backup.restoreDiscard': method({
    input: EMPTY,
    output: z.object({ discarded: z.boolean() }),
    roles: ADMIN,
    needsSetup: true,
    writes: true,
  }),
}
