import { seedRegistry } from './seed'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { RegistryArtisan } from '../../shared/registry/records'
import { handleAdmin } from './admin'
import type { RegistryContext } from './context'
import { setCover, type CoverUpdate } from './cover'
import { bumpReferenceVersion, openRegistryDatabase, type Db } from './database'
import { createEnrolmentToken } from './devices'
import { RegistryError, notFound } from './errors'
import { FaultCounters, noFaults, type FaultSettings } from './faults'
import { errorReply, sendReply, sleep, type Reply } from './http-io'
import { resolveSettings, type RegistryOptions } from './options'
import { decideDue } from './review'
import { handleV1 } from './routes'
import { randomToken } from './secrets'

/**
 * The reference national registry: a real HTTP server on 127.0.0.1 with its own SQLite
 * file, implementing shared/registry/contract.ts. Tests, demos and training use it in
 * place of the ministry's registry; `registry.faults` makes it misbehave on purpose.
 */
export type { RegistryOptions, RejectRule } from './options'
export type { FaultSettings } from './faults'
export type { CoverUpdate } from './cover'

export interface Registry {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string
  /** For `/admin/*` (`Authorization: Bearer <adminToken>`); new at every start. */
  adminToken: string
  close(): Promise<void>
  /** A one-time enrolment token for a chamber ('01'–'12'), e.g. `09-ABCD-EFGH-JKMN`. */
  createEnrolmentToken(chamberCode: string): string
  /** Live fault settings: change them at any time. */
  faults: FaultSettings
  /** Decides every file waiting for review, whatever its due time. */
  decideNow(): void
  /** What the CNSS/AMO feed would do: a registry change (origin null) the desks pull. */
  setCover(artisanId: string, cover: CoverUpdate): RegistryArtisan
  /** Publishes a new reference version; returns it. */
  bumpReference(): number
  /** `count` files of a chamber made by the registry itself (bench, training). */
  seed(chamberCode: string, count: number): void
  db: Db
}

const REVIEW_TICK_MS = 100

function internalReply(): Reply {
  return errorReply(new RegistryError(500, 'internal', 'Erreur interne du registre.'))
}

export async function startRegistry(options: RegistryOptions): Promise<Registry> {
  const settings = resolveSettings(options)
  const db = openRegistryDatabase(settings.dataDir)
  const log = options.log ?? (() => undefined)
  const ctx: RegistryContext = {
    db,
    settings,
    faults: noFaults(),
    counters: new FaultCounters(),
    adminToken: randomToken(),
    log,
  }

  async function route(req: IncomingMessage, url: URL): Promise<{ reply: Reply; drop?: boolean }> {
    if (url.pathname.startsWith('/v1/')) return handleV1(ctx, req, url)
    if (url.pathname.startsWith('/admin/')) return { reply: await handleAdmin(ctx, req, url) }
    throw notFound(`Aucune ressource ${url.pathname}.`)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    let outcome: { reply: Reply; drop?: boolean }
    try {
      outcome = await route(req, url)
    } catch (error) {
      if (error instanceof RegistryError) outcome = { reply: errorReply(error) }
      else {
        log(`${req.method} ${url.pathname} failed: ${error instanceof Error ? error.stack : error}`)
        outcome = { reply: internalReply() }
      }
    }
    if (url.pathname.startsWith('/v1/') && ctx.faults.latencyMs > 0)
      await sleep(ctx.faults.latencyMs)
    if (res.destroyed) return
    sendReply(res, outcome.reply, outcome.drop)
    log(
      `${req.method} ${url.pathname} ${outcome.reply.status}${outcome.drop ? ' (dropped)' : ''} ${Date.now() - started} ms`,
    )
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy())
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(settings.port, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    db.close()
    throw error
  }

  const timer = setInterval(() => {
    try {
      decideDue(ctx, Date.now())
    } catch (error) {
      log(`review failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }, REVIEW_TICK_MS)
  timer.unref()

  const { port } = server.address() as AddressInfo
  let closing: Promise<void> | null = null
  return {
    url: `http://127.0.0.1:${port}`,
    adminToken: ctx.adminToken,
    faults: ctx.faults,
    db,
    createEnrolmentToken: (chamberCode) => createEnrolmentToken(ctx, chamberCode),
    decideNow: () => void decideDue(ctx, Infinity),
    setCover: (artisanId, cover) => setCover(ctx, artisanId, cover),
    bumpReference: () => bumpReferenceVersion(db),
    seed: (chamberCode, count) => seedRegistry(ctx, chamberCode, count),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(timer)
        server.close(() => {
          db.close()
          resolve()
        })
        server.closeAllConnections()
      })
      return closing
    },
  }
}
