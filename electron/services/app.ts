import { printPreference, setPrintPreference } from './settings/printing'
import { existsSync, mkdirSync } from 'node:fs'
import { protectDataFolder } from './database/file-modes'
import { join } from 'node:path'
import type { ApiTransport } from '@shared/api/contract'
import { createApiClient, type ApiClient } from '@shared/api/client'
import type { Actor } from '@shared/api/roles'
import { appError } from '@shared/errors'
import type { CallContext } from './api/call-context'
import { createRouter, type Handlers, type Router } from './api/router'
import { loadOrCreateKey, type KeyStore } from './database/key-store'
import { startBackgroundCheckpoints } from './database/maintenance'
import { closeDatabase, openDatabase, type Db } from './database/open'
import type { MigrationOutcome } from './database/migrate'
import { stderrLogger, type Logger } from './log'
import { DATABASE_FILE } from './paths'
import { artisanHandlers } from './handlers/artisans'
import { documentHandlers } from './handlers/documents'
import { exportHandlers } from './handlers/exports'
import { importHandlers } from './handlers/imports'
import { referenceHandlers } from './handlers/reference'
import { recoveryHandlers } from './handlers/recovery'
import { createRecovery } from './database/recovery'
import { sessionHandlers } from './handlers/sessions'
import { accountHandlers } from './handlers/accounts'
import { createLoginSessions } from './accounts/sessions'
import { mustChangePassword } from './accounts/users'
import { securitySettings } from './settings/security'
import { ANONYMOUS } from './api/call-context'
import { sessionPeopleHandlers } from './handlers/session-people'
import { sessionMaterialHandlers } from './handlers/session-materials'
import { auditHandlers } from './handlers/audit'
import { dataProtectionHandlers } from './handlers/data-protection'
import { syncHandlers } from './handlers/sync'
import { backupHandlers } from './handlers/backup'
import { createBackups } from './backup/service'
import { applyPendingRestore } from './backup/restore'
import { approvalHandlers } from './handlers/approvals'
import { reportHandlers } from './handlers/reports'
import { createSyncEngine, type SyncEngine } from './sync/engine'
import { createHttpRegistryClient } from './sync/http-client'
import { seedActivities } from './reference/activities'
import { seedRegions } from './reference/regions'
import { seedTerritories } from './reference/territories'
import { deskActor } from './settings/desk-actor'
import * as desk from './settings/desk-profile-service'
import { systemInfo } from './system/info'

/**
 * The application core, without Electron: opens the desk's encrypted database, wires the
 * services to the router, and hands out the router to whichever transport hosts it.
 */
export interface AppOptions {
  dataDir: string
  keyStore: KeyStore
  appVersion: string
  electronVersion?: string | null
  nativeBinding?: string
  log?: Logger
  /** Long-running hosts checkpoint the WAL on a timer instead of inside a save. */
  backgroundCheckpoints?: boolean
  /** Long-running hosts sync with the registry on a timer (ms) once the desk is enrolled. */
  backgroundSyncMs?: number
  /** Long-running hosts run the daily automatic backup (see backup/schedule.ts). */
  backgroundBackups?: boolean
}

export interface SijillApp {
  readonly db: Db
  readonly router: Router
  readonly dataDir: string
  readonly databaseFile: string
  readonly migration: MigrationOutcome
  /** The actor for calls made through the direct transport: the desk itself (CLI, tests). */
  actor(): Actor
  /** Who calls with this login session token, through a transport that carries one. */
  contextFor(session: string | undefined, transport: 'ipc' | 'http'): CallContext
  /** A typed client calling the router directly (CLI, tests). */
  direct(): ApiClient
  /** Sync with the national registry (the API's sync.* methods drive it). */
  readonly sync: SyncEngine
  close(): void
}

export function openApp(options: AppOptions): SijillApp {
  const log = options.log ?? stderrLogger()
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const databaseFile = join(options.dataDir, DATABASE_FILE)
  applyPendingRestore(options.dataDir)
  if (existsSync(databaseFile) && options.keyStore.read() === null) {
    throw appError('database', 'errors.database_key_missing', {
      where: options.keyStore.description,
    })
  }
  const { key } = loadOrCreateKey(options.keyStore)
  protectDataFolder(options.dataDir, databaseFile)
  const { db, migration } = openDatabase({
    file: databaseFile,
    key,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  const stopCheckpoints = options.backgroundCheckpoints
    ? startBackgroundCheckpoints(db)
    : () => undefined
  seedRegions(db)
  seedTerritories(db)
  seedActivities(db)
  desk.ensureDeskId(db)

  const sync = createSyncEngine(db, {
    appVersion: options.appVersion,
    clientFor: (url) => createHttpRegistryClient(url, options.appVersion),
  })
  const stopSync = options.backgroundSyncMs
    ? sync.startBackground(options.backgroundSyncMs)
    : () => undefined

  const backups = createBackups({
    db,
    databaseFile,
    dataDir: options.dataDir,
    key,
    appVersion: options.appVersion,
    log,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  const stopBackups = options.backgroundBackups ? backups.startSchedule() : () => undefined

  const infoSource = {
    db,
    dataDir: options.dataDir,
    databaseFile,
    keyStorage: options.keyStore.description,
    appVersion: options.appVersion,
    electronVersion: options.electronVersion ?? null,
  }
  const logins = createLoginSessions(db, () => securitySettings(db).idleMinutes * 60_000)
  const orDesk = (who: Actor): Actor => (who.id === ANONYMOUS.id ? actor() : who)
  const handlers: Handlers = {
    'setup.status': () => ({ done: desk.isSetupDone(db), language: desk.currentLanguage(db) }),
    // Before any account exists (setup, the login screen's language), the desk itself acts.
    'setup.complete': (input, ctx) => desk.completeSetup(db, orDesk(ctx.actor), input),
    'settings.get': () => desk.getProfile(db),
    'settings.updateChamber': (input, ctx) => desk.updateChamber(db, ctx.actor, input),
    'settings.setLanguage': (input, ctx) => desk.setLanguage(db, orDesk(ctx.actor), input.language),
    'settings.printing': () => printPreference(db),
    'settings.setPrinting': (input, ctx) => setPrintPreference(db, ctx.actor, input),
    'system.info': (_input, ctx) => systemInfo(infoSource, ctx.transport),
    ...accountHandlers(db, logins, () => createRecovery(options.dataDir, key).code),
    ...referenceHandlers(db),
    ...recoveryHandlers(db, options.dataDir, key),
    ...artisanHandlers(db),
    ...importHandlers(db, log),
    ...exportHandlers(db, log),
    ...documentHandlers(db, log),
    ...syncHandlers(db, sync, log),
    ...backupHandlers(backups),
    ...approvalHandlers(db),
    ...sessionHandlers(db),
    ...sessionPeopleHandlers(db),
    ...sessionMaterialHandlers(db, log),
    ...auditHandlers(db),
    ...dataProtectionHandlers(db),
    ...reportHandlers(db, log),
  }
  const router = createRouter({ handlers, isSetupDone: () => desk.isSetupDone(db), log })

  const contextFor = (session: string | undefined, transport: 'ipc' | 'http'): CallContext => {
    const who = logins.resolve(session)
    const mustChange =
      who.userId !== null && who.state === 'active' && mustChangePassword(db, who.userId)
    return {
      actor: who.actor ?? ANONYMOUS,
      transport,
      auth: who.state,
      ...(session ? { session } : {}),
      ...(mustChange ? { mustChangePassword: true } : {}),
    }
  }

  const actor = (): Actor => {
    const { deskId, deskName } = desk.deskIdentity(db)
    return deskActor(deskId, deskName)
  }
  const directTransport: ApiTransport = {
    kind: 'direct',
    call: (method, input) =>
      router.call({ actor: actor(), transport: 'direct', auth: 'direct' }, method, input),
  }

  return {
    db,
    router,
    dataDir: options.dataDir,
    databaseFile,
    migration,
    actor,
    contextFor,
    direct: () => createApiClient(directTransport),
    sync,
    close: () => {
      stopBackups()
      void backups.stop()
      stopSync()
      sync.stop()
      stopCheckpoints()
      closeDatabase(db)
    },
  }
}

export type { CallContext }
