import type { Actor } from '@shared/api/roles'
import { appError } from '@shared/errors'
import { appendAudit } from '../audit/audit-log'
import { nowIso } from '../clock'
import type { Db } from '../database/open'
import { sql } from '../database/statements'
import { deskIdentity } from '../settings/desk-profile-service'
import { RegistryError, type RegistryClient } from './client'
import { pullChanges, type PullSummary } from './pull'
import { pushOutbox, type PushSummary } from './push'
import { applyReference, referenceSince } from './reference'
import { describeFailure } from './failure'
import { logSync, QUIET_KEY } from './sync-log'
import { clearState, readState, writeState } from './state'

/**
 * The sync engine (docs/sync.md): enrol the desk once, then sync — reference data first,
 * the outbox pushed, the registry's changes pulled — one sync at a time, in the
 * background when enrolled and on "Sync now". Everything it needs to resume after a crash
 * is in the database (outbox states, cursor, tokens), written in the transactions that
 * change it; a sync stopped anywhere starts again from there.
 */
export type SyncPhase = 'connecting' | 'reference' | 'push' | 'pull'
export interface SyncProgress {
  phase: SyncPhase
  push: PushSummary
  pull: PullSummary
}

export interface SyncEngine {
  enrol(
    actor: Actor,
    input: { registryUrl: string; chamberCode: string; enrolmentToken: string },
  ): Promise<{ deskCode: string; chamberCode: string }>
  syncOnce(options?: { force?: boolean }): Promise<SyncProgress>
  /** What is running now, if anything. */
  running(): SyncProgress | null
  stop(): void
  /** Syncs every `intervalMs`, and once `followUpMs` after a sync that sent something. */
  startBackground(intervalMs: number, followUpMs?: number): () => void
}

/** How soon after a push the background syncs again, for the registry's decisions. */
export const FOLLOW_UP_MS = 30_000

export { describeFailure } from './failure'

export function createSyncEngine(
  db: Db,
  options: { appVersion: string; clientFor: (registryUrl: string) => RegistryClient },
): SyncEngine {
  let current: SyncProgress | null = null
  let stopRequested = false
  let afterPush: (() => void) | undefined

  /**
   * A connection lost in passing (a keep-alive socket the registry closed, a cut answer)
   * is tried again twice at once: every call is safe to repeat (operations are idempotent,
   * pages are compared by revision); a network that stays down ends the sync.
   */
  async function retrying<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call()
      } catch (error) {
        if (!(error instanceof RegistryError) || error.kind !== 'network' || attempt >= 2)
          throw error
        await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)))
      }
    }
  }

  /** Calls with the access token, refreshing it once when the registry says it expired. */
  function authed<T>(client: RegistryClient, call: (token: string) => Promise<T>): Promise<T> {
    return retrying(async () => {
      const tokens = readState(db, 'tokens')
      if (!tokens) throw appError('conflict', 'errors.sync_not_enrolled')
      try {
        return await call(tokens.accessToken)
      } catch (error) {
        if (!(error instanceof RegistryError) || error.kind !== 'auth') throw error
        const fresh = await client.refresh(tokens.refreshToken)
        writeState(db, 'tokens', fresh)
        return await call(fresh.accessToken)
      }
    })
  }

  async function run(force: boolean): Promise<SyncProgress> {
    const enrolment = readState(db, 'enrolment')
    if (!enrolment) throw appError('conflict', 'errors.sync_not_enrolled')
    const client = options.clientFor(enrolment.registryUrl)
    const progress: SyncProgress = {
      phase: 'connecting',
      push: { applied: 0, rejected: 0, conflicts: 0, merged: 0 },
      pull: { pages: 0, created: 0, updated: 0, deleted: 0, notices: 0 },
    }
    current = progress
    const shouldStop = () => stopRequested
    const info = await retrying(() => client.info())
    progress.phase = 'reference'
    if (info.referenceVersion > referenceSince(db)) {
      const reference = await authed(client, (t) => client.reference(t, referenceSince(db)))
      if (applyReference(db, reference))
        logSync(db, 'info', 'sync.log.reference', { version: reference.version })
    }
    if (force) sql(db, `UPDATE outbox SET next_attempt_at = NULL WHERE status = 'pending'`).run()
    progress.phase = 'push'
    progress.push = await pushOutbox(
      db,
      (ops) => authed(client, (t) => client.push(t, ops)),
      info.maxPushBatch,
      {
        shouldStop,
        onBatch: (s) => (progress.push = { ...s }),
      },
    )
    progress.phase = 'pull'
    progress.pull = await pullChanges(
      db,
      (c, l) => authed(client, (t) => client.pull(t, c, l)),
      info.maxPullPage,
      {
        shouldStop,
        onPage: (s) => (progress.pull = { ...s }),
      },
    )
    return progress
  }

  const engine: SyncEngine = {
    async enrol(actor, input) {
      const client = options.clientFor(input.registryUrl)
      const { deskId, deskName } = deskIdentity(db)
      const answer = await client.enrol({
        chamberCode: input.chamberCode,
        enrolmentToken: input.enrolmentToken,
        deviceId: deskId,
        deviceName: deskName ?? deskId,
        appVersion: options.appVersion,
      })
      const at = nowIso()
      const previous = readState(db, 'enrolment')
      db.transaction(() => {
        // Another registry: its feed starts afresh (a cursor is only meaningful to its issuer).
        if (previous && previous.registryUrl !== input.registryUrl) {
          clearState(db, 'cursor')
          clearState(db, 'referenceVersion')
        }
        writeState(db, 'enrolment', {
          registryUrl: input.registryUrl,
          deviceId: answer.deviceId,
          deskCode: answer.deskCode,
          chamberCode: answer.chamberCode,
          enrolledAt: at,
        })
        writeState(db, 'tokens', {
          accessToken: answer.accessToken,
          accessTokenExpiresAt: answer.accessTokenExpiresAt,
          refreshToken: answer.refreshToken,
        })
        appendAudit(
          db,
          actor,
          {
            action: 'sync.enrol',
            entityType: 'desk',
            entityId: deskId,
            before: null,
            after: {
              registryUrl: input.registryUrl,
              deskCode: answer.deskCode,
              chamberCode: answer.chamberCode,
            },
          },
          at,
        )
        logSync(db, 'info', 'sync.log.enrolled', { deskCode: answer.deskCode })
      })()
      return { deskCode: answer.deskCode, chamberCode: answer.chamberCode }
    },

    async syncOnce({ force = false } = {}) {
      if (current) throw appError('conflict', 'errors.sync_running')
      stopRequested = false
      const at = nowIso()
      try {
        const done = await run(force)
        writeState(db, 'lastRun', { at, ok: true })
        writeState(db, 'lastSuccessAt', nowIso())
        const { push, pull } = done
        const received = pull.created + pull.updated + pull.deleted
        const quiet = !push.applied && !push.rejected && !push.conflicts && !push.merged
        if (quiet && !received && !pull.notices)
          logSync(db, 'info', QUIET_KEY) // folded with the quiet syncs before it
        else
          logSync(db, push.rejected || push.conflicts ? 'warning' : 'info', 'sync.log.done', {
            applied: push.applied,
            rejected: push.rejected,
            conflicts: push.conflicts,
            received,
          })
        if (push.applied > 0) afterPush?.()
        return done
      } catch (error) {
        const failure =
          error instanceof RegistryError || !(error as { data?: unknown })?.data
            ? describeFailure(error)
            : { key: (error as { data: { key: string } }).data.key, params: {} }
        writeState(db, 'lastRun', { at, ok: false, error: failure })
        logSync(db, 'error', failure.key, failure.params)
        throw error
      } finally {
        current = null
      }
    },

    running: () => (current ? { ...current } : null),
    stop: () => {
      stopRequested = true
    },

    startBackground(intervalMs, followUpMs = FOLLOW_UP_MS) {
      const tick = () => {
        if (current || !readState(db, 'enrolment')) return
        engine.syncOnce().catch(() => undefined) // recorded in lastRun and the log
      }
      const first = setTimeout(tick, Math.min(5_000, intervalMs))
      const timer = setInterval(tick, intervalMs)
      first.unref()
      timer.unref()
      // After a push, one sync sooner than the interval, to bring back what the registry
      // decided at once (a demo registry decides in seconds; a real one costs one pull).
      let followUp: ReturnType<typeof setTimeout> | undefined
      afterPush = () => {
        if (followUpMs >= intervalMs) return
        clearTimeout(followUp)
        followUp = setTimeout(tick, followUpMs)
        followUp.unref()
      }
      return () => {
        afterPush = undefined
        clearTimeout(followUp)
        clearTimeout(first)
        clearInterval(timer)
      }
    },
  }
  return engine
}
