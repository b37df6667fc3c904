import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IdentificationSchema } from '@shared/artisans/identification'
import type { SijillApp } from '../../electron/services/app'
import { writeIdentified } from '../../electron/services/artisans/identify'
import { startRegistry } from '../registry/server'
import type { Figure } from './figures'

/**
 * Sync against the reference registry on loopback (docs/architecture.md, Performance budgets): push 10,000 operations
 * (≤ 10 s) and pull 100,000 records (≤ 30 s), each timed from "Sync now" to the end of the
 * sync, through the real client, HTTP and both databases.
 */
const PUSH = 10_000
const PULL = 100_000
const log = (m: string) => process.stderr.write(`${m}\n`)

async function timedSync(desk: SijillApp): Promise<number> {
  const started = process.hrtime.bigint()
  await desk.direct().call('sync.now', { wait: true })
  return Number(process.hrtime.bigint() - started) / 1e9
}

export async function syncFigures(
  freshDesk: (name: string) => Promise<SijillApp>,
): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sijill-bench-registry-'))
  const registry = await startRegistry({ dataDir: dir, reviewDelayMs: 3_600_000 })
  const pusher = await freshDesk('sync-push-desk')
  const puller = await freshDesk('sync-pull-desk')
  try {
    const enrol = (desk: SijillApp) =>
      desk.direct().call('sync.enrol', {
        registryUrl: registry.url,
        chamberCode: '09',
        enrolmentToken: registry.createEnrolmentToken('09'),
      })
    await enrol(pusher)
    pusher.db.transaction(() => {
      for (let i = 0; i < PUSH; i++) {
        const input = IdentificationSchema.parse({
          cin: `ZP${String(i).padStart(6, '0')}`,
          firstNameLat: 'Bench',
          lastNameLat: `Push${[...String(i)].map((d) => 'abcdefghij'[Number(d)]).join('')}`, // letters only, as a name must be
          phone: `07${String(10_000_000 + i).slice(-8)}`,
        })
        writeIdentified(pusher.db, pusher.actor(), input, 'bench')
      }
    })()
    const push = await timedSync(pusher)
    const acked = pusher.db
      .prepare(`SELECT count(*) FROM outbox WHERE status = 'acked'`)
      .pluck()
      .get()
    log(`sync: pushed ${String(acked)} operations`)

    registry.seed('09', PULL - PUSH)
    // Seeding blocks this process (registry and desks share it) for seconds: the server's
    // idle keep-alive sockets expire meanwhile and close only once it resumes, racing the
    // client's reuse of them (ECONNRESET on the next request). Let them close first — a
    // bench artefact: a real registry runs in its own process.
    await new Promise((resolve) => setTimeout(resolve, 6_000))
    await enrol(puller)
    const pull = await timedSync(puller)
    const pulled = puller.db.prepare('SELECT count(*) FROM artisan').pluck().get()
    log(`sync: pulled ${String(pulled)} records`)
    return [
      {
        name: `sync: push ${PUSH.toLocaleString('en')} operations`,
        value: push,
        unit: 's',
        budget: 10,
        lowerIsBetter: true,
      },
      {
        name: `sync: pull ${PULL.toLocaleString('en')} records`,
        value: pull,
        unit: 's',
        budget: 30,
        lowerIsBetter: true,
      },
    ]
  } finally {
    pusher.close()
    puller.close()
    await registry.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
