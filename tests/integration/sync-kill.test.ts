import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { IdentificationSchema } from '@shared/artisans/identification'
import { writeIdentified } from '../../electron/services/artisans/identify'
import { startRegistry, type Registry } from '../registry/server'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

/**
 * A desk process killed outright (SIGKILL: no cleanup, as a power cut) in the middle of a
 * push and in the middle of a pull, started again, and converging: the registry and the
 * desk end with every record once.
 */
const ROOT = join(__dirname, '../..')
const COUNT = 20
let registry: Registry
const served: string[] = []
const cleanups: (() => void | Promise<void>)[] = []
beforeEach(async () => {
  const { dir, cleanup } = tempDir()
  registry = await startRegistry({
    dataDir: dir,
    reviewDelayMs: 3_600_000,
    maxPushBatch: 4,
    maxPullPage: 4,
    log: (line) => served.push(line),
  })
  cleanups.push(cleanup, () => registry.close())
})
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** The CLI as its own process (`node --import tsx`), as a desk runs it. */
function cli(dataDir: string, ...args: string[]): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'electron/cli/main.ts'), '--data-dir', dataDir, ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
}
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end)
      throw new Error(`timed out; registry served:\n${served.slice(-8).join('\n')}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const ADMIN = { username: 'amina', fullName: 'Amina Idrissi', password: 'souss-massa-2026' }

async function enrolledDesk(): Promise<string> {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  const app = openTestDesk(dir)
  try {
    await app.direct().call('setup.complete', VALID_SETUP)
    await app.direct().call('auth.createAdministrator', ADMIN)
    await app.direct().call('sync.enrol', {
      registryUrl: registry.url,
      chamberCode: '09',
      enrolmentToken: registry.createEnrolmentToken('09'),
    })
  } finally {
    app.close()
  }
  return dir
}

/** COUNT identified files on the desk in `dir` (Latin names of letters only, as a name must be). */
function identifyMany(dir: string, cinPrefix: string, first: string, lastPrefix: string): void {
  const app = openTestDesk(dir)
  app.db.transaction(() => {
    for (let i = 0; i < COUNT; i++) {
      const input = IdentificationSchema.parse({
        cin: `${cinPrefix}${100000 + i}`,
        firstNameLat: first,
        lastNameLat: `${lastPrefix}${[...String(i)].map((d) => 'abcdefghij'[Number(d)]).join('')}`,
        phone: '0661000000',
      })
      writeIdentified(app.db, app.actor(), input, 'test')
    }
  })()
  app.close()
}

const inRegistry = () =>
  registry.db.prepare('SELECT count(*) FROM artisans').pluck().get() as number

describe('a desk killed in the middle of a sync', () => {
  it('converges after SIGKILL mid-push and mid-pull: every record once on both sides', async () => {
    const pusher = await enrolledDesk()
    identifyMany(pusher, 'JK', 'Kill', 'Test')

    registry.faults.latencyMs = 150 // each batch of 4 takes a while: time to cut it
    const push = cli(pusher, 'sync', '--once')
    await until(() => inRegistry() >= 4)
    push.kill('SIGKILL')
    expect(await exited(push)).toBeNull()
    expect(inRegistry()).toBeLessThan(COUNT)

    registry.faults.latencyMs = 0
    const again = cli(pusher, 'sync', '--once')
    expect(await exited(again)).toBe(0)
    expect(inRegistry()).toBe(COUNT)
    const reopened = openTestDesk(pusher)
    try {
      expect(
        reopened.db.prepare(`SELECT status, count(*) AS n FROM outbox GROUP BY status`).all(),
      ).toEqual([{ status: 'acked', n: COUNT }])
    } finally {
      reopened.close()
    }

    const puller = await enrolledDesk()
    registry.faults.latencyMs = 150
    const pull = cli(puller, 'sync', '--once')
    // Cut once two pages have been served (and applied), before the last.
    const pages = () => served.filter((l) => l.startsWith('GET /v1/changes 200')).length
    const before = pages()
    await until(() => pages() >= before + 2)
    pull.kill('SIGKILL')
    await exited(pull)
    const cut = openTestDesk(puller)
    try {
      const partial = cut.db.prepare('SELECT count(*) FROM artisan').pluck().get() as number
      expect(partial).toBeGreaterThan(0)
      expect(partial).toBeLessThan(COUNT)
    } finally {
      cut.close()
    }
    registry.faults.latencyMs = 0
    const pullAgain = cli(puller, 'sync', '--once')
    expect(await exited(pullAgain)).toBe(0)
    const desk = openTestDesk(puller)
    try {
      expect(
        desk.db.prepare('SELECT count(*) FROM artisan WHERE deleted_at IS NULL').pluck().get(),
      ).toBe(COUNT)
      expect(desk.db.prepare('SELECT count(DISTINCT cin) FROM artisan').pluck().get()).toBe(COUNT)
      expect(
        desk.db
          .prepare(`SELECT count(*) FROM artisan_event WHERE step = 'identified'`)
          .pluck()
          .get(),
      ).toBe(COUNT)
    } finally {
      desk.close()
    }
  }, 60_000)
})

/** The browser host as its own process (`node --import tsx`), logged in over its HTTP API. */
async function host(dataDir: string): Promise<{
  child: ChildProcess
  call: (method: string, input?: unknown) => Promise<unknown>
}> {
  const { dir: renderer, cleanup } = tempDir()
  cleanups.push(cleanup)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Sijill</title>')
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'electron/host/main.ts'),
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--renderer',
      renderer,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  child.stderr?.resume()
  let out = ''
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  await until(() => /token=\S+\n/.test(out))
  const [, port, token] = /:(\d+)\/\?token=(\S+)\n/.exec(out) ?? []
  let session = ''
  const call = (method: string, input: unknown = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const body = JSON.stringify(input)
      const req = request(
        {
          host: '127.0.0.1',
          port: Number(port),
          path: `/api/${method}`,
          method: 'POST',
          headers: {
            Host: `127.0.0.1:${port}`,
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            ...(session ? { 'X-Sijill-Session': session } : {}),
          },
        },
        (res) => {
          let text = ''
          res.on('data', (c: Buffer) => (text += c.toString()))
          res.on('end', () => {
            const reply = JSON.parse(text) as { ok: boolean; value?: unknown; error?: unknown }
            if (reply.ok) resolve(reply.value)
            else reject(new Error(`${method}: ${JSON.stringify(reply.error)}`))
          })
        },
      )
      req.on('error', reject)
      req.end(body)
    })
  session = ((await call('auth.login', ADMIN)) as { token: string }).token
  return { child, call }
}

async function stopHost(child: ChildProcess): Promise<void> {
  const gone = exited(child)
  child.kill('SIGTERM')
  await gone
}

describe('the browser host killed in the middle of a sync', () => {
  it('converges after SIGKILL mid-push and mid-pull: every record once on both sides', async () => {
    const pusher = await enrolledDesk()
    identifyMany(pusher, 'JH', 'Host', 'Kill')

    registry.faults.latencyMs = 150
    const push = await host(pusher)
    await push.call('sync.now', { wait: false })
    await until(() => inRegistry() >= 4)
    push.child.kill('SIGKILL')
    expect(await exited(push.child)).toBeNull()
    expect(inRegistry()).toBeLessThan(COUNT)

    registry.faults.latencyMs = 0
    const again = await host(pusher)
    await again.call('sync.now', { wait: true })
    await stopHost(again.child)
    expect(inRegistry()).toBe(COUNT)
    const reopened = openTestDesk(pusher)
    try {
      expect(
        reopened.db.prepare(`SELECT status, count(*) AS n FROM outbox GROUP BY status`).all(),
      ).toEqual([{ status: 'acked', n: COUNT }])
      expect((await reopened.direct().call('audit.verify', {})).intact).toBe(true)
    } finally {
      reopened.close()
    }

    const puller = await enrolledDesk()
    registry.faults.latencyMs = 150
    const pull = await host(puller)
    const pages = () => served.filter((l) => l.startsWith('GET /v1/changes 200')).length
    const before = pages()
    await pull.call('sync.now', { wait: false })
    await until(() => pages() >= before + 2)
    pull.child.kill('SIGKILL')
    await exited(pull.child)
    const cut = openTestDesk(puller)
    try {
      const partial = cut.db.prepare('SELECT count(*) FROM artisan').pluck().get() as number
      expect(partial).toBeGreaterThan(0)
      expect(partial).toBeLessThan(COUNT)
    } finally {
      cut.close()
    }
    registry.faults.latencyMs = 0
    const pullAgain = await host(puller)
    await pullAgain.call('sync.now', { wait: true })
    await stopHost(pullAgain.child)
    const desk = openTestDesk(puller)
    try {
      expect(
        desk.db.prepare('SELECT count(*) FROM artisan WHERE deleted_at IS NULL').pluck().get(),
      ).toBe(COUNT)
      expect(desk.db.prepare('SELECT count(DISTINCT cin) FROM artisan').pluck().get()).toBe(COUNT)
      expect((await desk.direct().call('audit.verify', {})).intact).toBe(true)
    } finally {
      desk.close()
    }
  }, 60_000)
})
