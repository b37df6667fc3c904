import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import { IdentificationSchema } from '@shared/artisans/identification'
import { writeIdentified } from '../../electron/services/artisans/identify'
import { runCli } from '../../electron/cli/run-cli'
import { startRegistry, type Registry } from '../registry/server'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'
import { testCodes, updateRequestOf, validRegistration } from '../helpers/registration'

/**
 * Desks and the reference registry over real HTTP: enrolment, push, decisions pulled
 * back, other desks' files, refusals that do not block, conflicts that keep both
 * versions, and the faults of a bad network — nothing lost, nothing duplicated.
 */
let registry: Registry
const cleanups: (() => void | Promise<void>)[] = []
beforeEach(async () => {
  const { dir, cleanup } = tempDir()
  registry = await startRegistry({ dataDir: dir, reviewDelayMs: 60_000, maxPullPage: 3 })
  cleanups.push(cleanup, () => registry.close())
})
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function desk(name: string, chamber = '09'): Promise<SijillApp> {
  const { dir, cleanup } = tempDir()
  const app = openTestDesk(dir)
  cleanups.push(cleanup, () => app.close())
  await app.direct().call('setup.complete', {
    ...VALID_SETUP,
    deskName: name,
    chamber: { ...VALID_SETUP.chamber, regionCode: chamber },
  })
  await app.direct().call('sync.enrol', {
    registryUrl: registry.url,
    chamberCode: chamber,
    enrolmentToken: registry.createEnrolmentToken(chamber),
  })
  return app
}

const sync = (app: SijillApp) => app.direct().call('sync.now', { wait: true })
const outbox = (app: SijillApp) =>
  app.db.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as {
    status: string
    n: number
  }[]
const registryCount = () =>
  registry.db.prepare('SELECT count(*) FROM artisans').pluck().get() as number

/** A letter for the i-th test name: Latin names are letters only (validation.latin_text). */
const letter = (i: number) => String.fromCharCode(97 + i)

function identify(app: SijillApp, cin: string, first: string, last: string) {
  const input = IdentificationSchema.parse({
    cin,
    firstNameLat: first,
    lastNameLat: last,
    phone: '0661000000',
  })
  return app.db.transaction(() => writeIdentified(app.db, app.actor(), input, 'test'))().id
}

describe('sync with the national registry', () => {
  it('pushes the outbox, pulls the decisions back, and shares files between the desks of a chamber', async () => {
    const one = await desk('Guichet 1')
    const { id } = await one
      .direct()
      .call('artisans.register', validRegistration(testCodes(one.db)))
    const walkIn = identify(one, 'JB112233', 'Said', 'Amzian')
    const first = await sync(one)
    expect(first.progress?.push).toMatchObject({ applied: 2, rejected: 0, conflicts: 0 })
    expect(outbox(one)).toEqual([{ status: 'acked', n: 2 }])
    expect(await one.direct().call('sync.recordState', { artisanId: id })).toMatchObject({
      state: 'synced',
    })

    registry.decideNow() // the registry accepts the registration: an NIA
    await sync(one)
    const file = await one.direct().call('artisans.get', { id })
    expect(file.rnaStatus).toBe('registered')
    expect(file.nia).toMatch(/^09\d{8}$/)
    expect(file.events.map((e) => e.step)).toContain('rna_registered')
    // The CNSS feed, through the registry: the pre-registration comes back too.
    registry.setCover(id, { coverStatus: 'cnss_pre_registered', cnssNumber: '123456789' })
    await sync(one)
    const covered = await one.direct().call('artisans.get', { id })
    expect(covered).toMatchObject({ coverStatus: 'cnss_pre_registered', cnssNumber: '123456789' })
    expect(covered.events.map((e) => e.step)).toContain('cnss_pre_registered')

    const two = await desk('Guichet 2')
    await sync(two)
    const found = await two.direct().call('artisans.search', { query: 'Amzian' })
    expect(found.items.map((a) => a.id)).toEqual([walkIn])
    expect((await two.direct().call('artisans.get', { id })).nia).toBe(file.nia)
    expect(verifyAuditChain(two.db).ok).toBe(true)
    const status = await one.direct().call('sync.status', {})
    expect(status).toMatchObject({ enrolled: true, pending: 0, rejected: 0, conflicts: 0 })
    expect(status.lastRun?.ok).toBe(true)
  })

  it('shows what the registry refuses on the record, and goes on with the rest', async () => {
    const tiznit = await desk('Tiznit')
    const rabat = await desk('Rabat', '04')
    identify(tiznit, 'JB445566', 'Fatima', 'Ouali')
    await sync(tiznit)
    const same = identify(rabat, 'JB445566', 'Fatima', 'Ouali') // the same CIN, another chamber
    const other = identify(rabat, 'JB778899', 'Ali', 'Berrada')
    const run = await sync(rabat)
    expect(run.progress?.push).toMatchObject({ applied: 1, rejected: 1 })
    expect(await rabat.direct().call('sync.recordState', { artisanId: same })).toMatchObject({
      state: 'rejected',
      reason: { code: 'cin_taken' },
    })
    expect(await rabat.direct().call('sync.recordState', { artisanId: other })).toMatchObject({
      state: 'synced',
    })
    const rejected = await rabat.direct().call('sync.rejected', {})
    expect(rejected).toMatchObject([
      { artisanId: same, cin: 'JB445566', reason: { code: 'cin_taken' } },
    ])
  })

  it('keeps both versions of a file changed at two desks, the registry’s applying meanwhile', async () => {
    const one = await desk('Guichet 1')
    const two = await desk('Guichet 2')
    const { id } = await one
      .direct()
      .call('artisans.register', validRegistration(testCodes(one.db)))
    await sync(one)
    await sync(two)
    const edit = async (app: SijillApp, address: string) => {
      const f = await app.direct().call('artisans.get', { id })
      const request = { ...validRegistration(testCodes(app.db)), address }
      await app.direct().call('artisans.update', { ...request, id, expectedVersion: f.version })
    }
    await edit(one, 'Derb Idzagh 12, Tiznit')
    await edit(two, 'Hay Salam 7, Tiznit')
    await sync(one)
    const run = await sync(two)
    expect(run.progress?.push.conflicts).toBe(1)
    expect((await two.direct().call('artisans.get', { id })).address).toBe('Derb Idzagh 12, Tiznit')
    const conflict = two.db
      .prepare('SELECT local_json, registry_json FROM sync_conflict')
      .get() as {
      local_json: string
      registry_json: string
    }
    expect(conflict.local_json).toContain('Hay Salam 7, Tiznit')
    expect(conflict.registry_json).toContain('Derb Idzagh 12, Tiznit')
    expect(await two.direct().call('sync.recordState', { artisanId: id })).toMatchObject({
      state: 'conflict',
    })
    expect((await two.direct().call('sync.status', {})).conflicts).toBe(1)

    // A supervisor keeps this desk's address: written back, sent on top of the registry's.
    const [open] = await two.direct().call('sync.conflicts', {})
    expect(open?.fields).toEqual([
      { field: 'address', local: 'Hay Salam 7, Tiznit', registry: 'Derb Idzagh 12, Tiznit' },
    ])
    const clerk = { id: 'user:clerk', name: 'Clerk', roles: ['clerk' as const] }
    const asClerk = await two.router.call(
      { actor: clerk, transport: 'http', auth: 'active' },
      'sync.resolve',
      {
        id: open?.id ?? '',
        keepLocal: ['address'],
      },
    )
    expect(asClerk).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    await two.direct().call('sync.resolve', { id: open?.id ?? '', keepLocal: ['address'] })
    expect((await two.direct().call('artisans.get', { id })).address).toBe('Hay Salam 7, Tiznit')
    expect(await two.direct().call('sync.conflicts', {})).toEqual([])
    expect((await sync(two)).progress?.push).toMatchObject({ applied: 1, conflicts: 0 })
    await sync(one)
    expect((await one.direct().call('artisans.get', { id })).address).toBe('Hay Salam 7, Tiznit')
    expect(verifyAuditChain(two.db).ok).toBe(true)
  })

  it('survives lost answers, 5xx, 429 and expired tokens: nothing lost, nothing duplicated', async () => {
    const one = await desk('Guichet 1')
    for (let i = 0; i < 7; i++) identify(one, `JC${100000 + i}`, 'Karim', `Test${letter(i)}`)
    registry.faults.dropEvery = 1 // every push is applied, then its answer cut
    await expect(sync(one)).rejects.toMatchObject({ data: { key: 'errors.sync_offline' } })
    expect(outbox(one)).toEqual([{ status: 'pending', n: 7 }])
    expect(registryCount()).toBe(7)
    registry.faults.dropEvery = 0
    registry.faults.expireTokens = true
    await sync(one) // replayed: the registry answers what it did; the token is refreshed
    expect(outbox(one)).toEqual([{ status: 'acked', n: 7 }])
    expect(registryCount()).toBe(7)

    identify(one, 'JC200000', 'Nadia', 'Late')
    registry.faults.rateLimitEvery = 1
    registry.faults.retryAfterSeconds = 120
    await expect(sync(one)).rejects.toMatchObject({ data: { key: 'errors.sync_rate_limited' } })
    const next = one.db
      .prepare(`SELECT next_attempt_at FROM outbox WHERE status = 'pending'`)
      .pluck()
      .get() as string
    expect(Date.parse(next) - Date.now()).toBeGreaterThan(100_000) // Retry-After honoured
    registry.faults.rateLimitEvery = 0
    registry.faults.fail5xxEvery = 1
    await expect(sync(one)).rejects.toMatchObject({
      data: { key: 'errors.sync_unavailable', params: { code: 'unavailable' } },
    })
    expect(outbox(one)).toContainEqual({ status: 'pending', n: 1 })
    registry.faults.fail5xxEvery = 0
    await sync(one) // "Sync now" does not wait for the backoff
    expect(registryCount()).toBe(8)
    expect(outbox(one)).toEqual([{ status: 'acked', n: 8 }])
  })

  it('resumes a pull stopped between pages where it stopped, and applies a duplicated delivery once', async () => {
    const one = await desk('Guichet 1')
    for (let i = 0; i < 8; i++) identify(one, `JD${100000 + i}`, 'Hafsa', `Page${letter(i)}`)
    await sync(one)
    const two = await desk('Guichet 2')
    registry.faults.duplicateDeliveries = true
    registry.faults.latencyMs = 100
    const count = () => two.db.prepare('SELECT count(*) FROM artisan').pluck().get() as number
    const running = two.sync.syncOnce()
    while (count() === 0) await new Promise((resolve) => setTimeout(resolve, 10))
    two.sync.stop() // as a power cut between two pages would: the cursor is saved with each page
    await running
    const partial = count()
    expect(partial).toBeGreaterThan(0)
    expect(partial).toBeLessThan(8)
    registry.faults.latencyMs = 0
    await sync(two)
    expect(count()).toBe(8)
    expect(
      two.db.prepare(`SELECT count(*) FROM artisan_event WHERE step = 'identified'`).pluck().get(),
    ).toBe(8)
  })

  it('carries certificates to the other desks: they verify there, and a cancellation follows', async () => {
    const one = await desk('Guichet 1')
    const two = await desk('Guichet 2')
    const { id } = await one
      .direct()
      .call('artisans.register', validRegistration(testCodes(one.db)))
    await one.direct().call('artisans.recordStep', {
      artisanId: id,
      expectedVersion: 1,
      action: { step: 'rna_registered', happenedOn: '2026-01-10', nia: '0900001234' },
    })
    const printed = await one
      .direct()
      .call('documents.issue', { artisanId: id, type: 'certificate' })
    const qr = (
      JSON.parse(
        one.db
          .prepare('SELECT content_json FROM document WHERE id = ?')
          .pluck()
          .get(printed.id) as string,
      ) as { qr: string }
    ).qr
    expect(await two.direct().call('documents.verify', { text: qr })).toMatchObject({
      status: 'invalid',
      reason: 'unknown_key',
    })
    expect((await sync(one)).progress?.push).toMatchObject({ applied: 3, rejected: 0 })
    await sync(two)
    expect(await two.direct().call('documents.verify', { text: qr })).toMatchObject({
      status: 'valid',
      nia: '0900001234',
    })
    await one.direct().call('documents.cancel', { id: printed.id, reason: 'Erreur de nom' })
    await sync(one)
    await sync(two)
    expect(await two.direct().call('documents.verify', { text: qr })).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Erreur de nom',
    })
  })

  it('makes one file of the same person registered at two desks before either synced, with a visible conflict', async () => {
    const one = await desk('Guichet 1')
    const two = await desk('Guichet 2')
    const codes = testCodes(one.db)
    const { id: first } = await one.direct().call('artisans.register', validRegistration(codes))
    const { id: second } = await two
      .direct()
      .call(
        'artisans.register',
        validRegistration(codes, { phone: '0670112233', address: 'Hay Salam 7, Tiznit' }),
      )
    const printed = await two
      .direct()
      .call('documents.issue', { artisanId: second, type: 'receipt' })
    await sync(one)
    const run = await sync(two) // its CIN is refused, then the registry's file comes in
    expect(run.progress?.push.rejected).toBe(1)
    const found = await two.direct().call('artisans.search', { query: 'JE123456' })
    expect(found.items.map((a) => a.id)).toEqual([first])
    const [conflict] = await two.direct().call('sync.conflicts', {})
    expect(conflict?.artisanId).toBe(first)
    expect(conflict?.fields.map((f) => f.field).sort()).toEqual(['address', 'phone'])
    // The receipt and the history follow the one file.
    expect(
      (await two.direct().call('documents.list', { artisanId: first })).map((d) => d.number),
    ).toEqual([printed.number])
    await two.direct().call('sync.resolve', { id: conflict?.id ?? '', keepLocal: ['phone'] })
    await sync(two)
    await sync(one)
    const merged = await one.direct().call('artisans.get', { id: first })
    expect(merged.phone).toBe('+212670112233')
    expect(merged.address).toBe('Derb Idzagh, Tiznit')
    expect(registry.db.prepare('SELECT count(*) FROM artisans').pluck().get()).toBe(1)
    expect(verifyAuditChain(two.db).ok).toBe(true)
  })

  it('enrols, syncs and reports from the command line', async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const app = openTestDesk(dir)
    await app.direct().call('setup.complete', VALID_SETUP)
    identify(app, 'JE998877', 'Aicha', 'Cli')
    app.close()
    const out: string[] = []
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }
    const cli = (...args: string[]) => runCli(['--data-dir', dir, ...args], io)
    expect(await cli('sync', '--once')).toBe(1)
    expect(out.at(-1)).toContain("n'est pas encore inscrit")
    expect(await cli('enrol', '--registry', registry.url, '--chamber', '09')).toBe(2)
    const token = registry.createEnrolmentToken('09')
    expect(
      await cli('enrol', '--registry', registry.url, '--chamber', '09', '--token', token),
    ).toBe(0)
    expect(out.at(-1)).toMatch(
      /^Poste inscrit auprès du registre national : code [A-Z0-9]{4}, chambre 09\.$/,
    )
    expect(await cli('sync', '--once')).toBe(0)
    expect(out.at(-1)).toContain('1 envoyées')
    expect(await cli('sync', 'status')).toBe(0)
    expect(out).toContain('pending      0')
    expect(registryCount()).toBe(1)
    registry.faults.fail5xxEvery = 1
    expect(await cli('sync', '--once')).toBe(1)
    expect(out.at(-1)).toContain('momentanément indisponible')
  })

  it('pulls everything once whatever fault the registry shows during the pull', async () => {
    const one = await desk('Guichet 1')
    for (let i = 0; i < 9; i++) identify(one, `JF${100000 + i}`, 'Fault', `Pull${letter(i)}`)
    await sync(one)
    const faults = [
      { fail5xxEvery: 2 },
      { rateLimitEvery: 2, retryAfterSeconds: 0 },
      { dropEvery: 2 },
      { duplicateDeliveries: true },
      { latencyMs: 30 },
      { expireTokens: true },
    ]
    for (const fault of faults) {
      const other = await desk(`Guichet ${JSON.stringify(fault)}`.slice(0, 40))
      Object.assign(registry.faults, fault)
      for (let attempt = 0; attempt < 12; attempt++) {
        const done = await sync(other).then(
          () => true,
          () => false,
        )
        if (done) break
      }
      Object.assign(registry.faults, {
        fail5xxEvery: 0,
        rateLimitEvery: 0,
        dropEvery: 0,
        duplicateDeliveries: false,
        latencyMs: 0,
      })
      const count = (q: string) => other.db.prepare(q).pluck().get()
      expect(count('SELECT count(*) FROM artisan'), JSON.stringify(fault)).toBe(9)
      expect(
        count(`SELECT count(*) FROM artisan_event WHERE step = 'identified'`),
        JSON.stringify(fault),
      ).toBe(9)
      expect(registryCount()).toBe(9)
    }
  })

  it('keeps a desk’s correction made while the registry decided, without asking anyone', async () => {
    const one = await desk('Guichet 1')
    const { id } = await one
      .direct()
      .call('artisans.register', validRegistration(testCodes(one.db)))
    await sync(one)
    registry.decideNow() // the NIA is assigned; the desk does not know yet
    const f = await one.direct().call('artisans.get', { id })
    await one.direct().call('artisans.update', {
      ...validRegistration(testCodes(one.db)),
      phone: '0670998877',
      id,
      expectedVersion: f.version,
    })
    const run = await sync(one)
    expect(run.progress?.push).toMatchObject({ conflicts: 0, merged: 1 })
    expect(await one.direct().call('sync.conflicts', {})).toEqual([])
    await sync(one)
    const after = await one.direct().call('artisans.get', { id })
    expect(after.phone).toBe('+212670998877')
    expect(after.rnaStatus).toBe('registered')
    const inRegistry = registry.db
      .prepare('SELECT state FROM artisans WHERE id = ?')
      .pluck()
      .get(id) as string
    expect(JSON.parse(inRegistry)).toMatchObject({
      phone: '+212670998877',
      rnaStatus: 'registered',
    })
    expect(await one.direct().call('sync.recordState', { artisanId: id })).toMatchObject({
      state: 'synced',
    })
  })

  it('starts the feed afresh when the desk is enrolled with another registry', async () => {
    const one = await desk('Guichet 1')
    identify(one, 'JG100001', 'Old', 'Registry')
    await sync(one)
    const cursor = () =>
      one.db.prepare(`SELECT value FROM sync_state WHERE key = 'cursor'`).pluck().get()
    expect(cursor()).toBeDefined()
    const { dir, cleanup } = tempDir()
    const other = await startRegistry({ dataDir: dir })
    cleanups.push(cleanup, () => other.close())
    other.seed('09', 3)
    await one.direct().call('sync.enrol', {
      registryUrl: other.url,
      chamberCode: '09',
      enrolmentToken: other.createEnrolmentToken('09'),
    })
    expect(cursor()).toBeUndefined()
    await sync(one)
    expect(one.db.prepare('SELECT count(*) FROM artisan').pluck().get()).toBe(4)
  })
  it('tells an enrolment refusal in the clerk’s words, and keeps the registry’s own for the details', async () => {
    const { dir, cleanup } = tempDir()
    const app = openTestDesk(dir)
    cleanups.push(cleanup, () => app.close())
    await app.direct().call('setup.complete', VALID_SETUP)
    const enrol = (registryUrl: string, chamberCode: string, enrolmentToken: string) =>
      app
        .direct()
        .call('sync.enrol', { registryUrl, chamberCode, enrolmentToken })
        .then(
          () => null,
          (e: { data: { key: string; params?: Record<string, string | number> } }) => e.data,
        )
    const refused = await enrol(registry.url, '09', '09-AAAA-BBBB-CCCC')
    expect(refused).toMatchObject({
      key: 'errors.sync_enrolment_refused',
      params: { registryCode: 'enrolment_refused (HTTP 403)' },
    })
    expect(String(refused?.params?.registryMessage)).toMatch(/jeton/i) // the registry's French
    // A token made for another chamber is refused the same way.
    expect(await enrol(registry.url, '09', registry.createEnrolmentToken('04'))).toMatchObject({
      key: 'errors.sync_enrolment_refused',
    })
    expect(
      await enrol(`${registry.url}/nowhere`, '09', registry.createEnrolmentToken('09')),
    ).toMatchObject({ key: 'errors.sync_wrong_address' })
    const { dir: closedDir, cleanup: closedCleanup } = tempDir()
    cleanups.push(closedCleanup)
    const closed = await startRegistry({ dataDir: closedDir })
    const closedUrl = closed.url
    await closed.close()
    expect(await enrol(closedUrl, '09', '09-AAAA-BBBB-CCCC')).toMatchObject({
      key: 'errors.sync_offline',
    })
  })

  it('sends a file the registry does not know again as a new registration, on a supervisor’s word', async () => {
    const tiznit = await desk('Tiznit')
    const rabat = await desk('Rabat', '04')
    await tiznit.direct().call('artisans.register', validRegistration(testCodes(tiznit.db)))
    await sync(tiznit)
    // The same CIN at another chamber: the registration is refused, the rest goes on.
    const { id } = await rabat
      .direct()
      .call('artisans.register', validRegistration(testCodes(rabat.db)))
    expect((await sync(rabat)).progress?.push).toMatchObject({ applied: 0, rejected: 1 })
    expect(await rabat.direct().call('sync.rejected', {})).toMatchObject([
      { artisanId: id, op: 'create', reason: { code: 'cin_taken' }, resendable: true },
    ])
    // The clerk finds the CIN was mistyped and corrects it: the registry does not know the file.
    const file = await rabat.direct().call('artisans.get', { id })
    await rabat.direct().call('artisans.update', {
      ...updateRequestOf(file, { cin: 'JE654321' }),
      id,
      expectedVersion: file.version,
    })
    expect((await sync(rabat)).progress?.push).toMatchObject({ applied: 0, rejected: 1 })
    const refused = await rabat.direct().call('sync.rejected', {})
    expect(refused.map((r) => r.reason.code)).toEqual(['not_found', 'cin_taken'])
    expect(refused.every((r) => r.resendable)).toBe(true)

    const clerk = { id: 'user:clerk', name: 'Clerk', roles: ['clerk' as const] }
    expect(
      await rabat.router.call({ actor: clerk, transport: 'http', auth: 'active' }, 'sync.resend', {
        artisanId: id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    await rabat.direct().call('sync.resend', { artisanId: id })
    expect(await rabat.direct().call('sync.rejected', {})).toEqual([])
    expect((await rabat.direct().call('sync.status', {})).rejected).toBe(0)
    await expect(rabat.direct().call('sync.resend', { artisanId: id })).rejects.toMatchObject({
      data: { key: 'errors.sync_nothing_to_resend' },
    })
    expect((await sync(rabat)).progress?.push).toMatchObject({ applied: 1, rejected: 0 })
    expect(await rabat.direct().call('sync.recordState', { artisanId: id })).toMatchObject({
      state: 'synced',
    })
    const inRegistry = registry.db
      .prepare('SELECT chamber_code AS chamber, state FROM artisans WHERE id = ?')
      .get(id) as { chamber: string; state: string }
    expect(inRegistry.chamber).toBe('04')
    expect(JSON.parse(inRegistry.state)).toMatchObject({ cin: 'JE654321', rnaStatus: 'pending' })
    registry.decideNow()
    await sync(rabat)
    expect((await rabat.direct().call('artisans.get', { id })).nia).toMatch(/^04\d{8}$/)
    expect(verifyAuditChain(rabat.db).ok).toBe(true)
  })

  it('folds syncs that changed nothing into one line, and keeps refusals and failures in sight', async () => {
    const one = await desk('Guichet 1')
    for (let i = 0; i < 3; i++) await sync(one)
    const log = () => one.direct().call('sync.log', {})
    expect((await log())[0]).toMatchObject({ key: 'sync.log.quiet', count: 3, attention: false })
    const other = await desk('Guichet 2', '04')
    identify(other, 'JH100001', 'Samira', 'Alaoui')
    await sync(other)
    identify(one, 'JH100001', 'Samira', 'Alaoui') // refused: the CIN is taken
    await sync(one)
    await sync(one)
    registry.faults.fail5xxEvery = 1
    for (let i = 0; i < 2; i++) await expect(sync(one)).rejects.toBeDefined()
    registry.faults.fail5xxEvery = 0
    const lines = await log()
    expect(lines.slice(0, 4).map((l) => [l.key, l.count, l.level])).toEqual([
      ['errors.sync_unavailable', 2, 'error'],
      ['sync.log.quiet', 1, 'info'],
      ['sync.log.done', 1, 'warning'],
      ['sync.log.quiet', 3, 'info'],
    ])
    expect(lines[0]?.params).toMatchObject({ registryCode: 'unavailable (HTTP 503)' })
    expect(Date.parse(lines[3]!.since)).toBeLessThan(Date.parse(lines[3]!.at))
    const attention = await one.direct().call('sync.log', { attention: true })
    expect(attention.map((l) => l.key)).toEqual(['errors.sync_unavailable', 'sync.log.done'])
    // The command line reads the same folded log (a second connection to the desk's file).
    const out: string[] = []
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }
    expect(await runCli(['--data-dir', one.dataDir, 'sync', 'log', '--attention'], io)).toBe(0)
    expect(out).toHaveLength(2)
    expect(out[0]).toMatch(
      /! Le registre national est momentanément indisponible.* — 2 fois depuis/,
    )
  })

  it('brings a pushed registration’s decision back through the registry’s own review, hands-free', async () => {
    const { dir, cleanup } = tempDir()
    const reviewing = await startRegistry({
      dataDir: dir,
      reviewDelayMs: 1000,
      rejectRules: [{ kind: 'cin-prefix', value: 'ZZ' }],
    })
    cleanups.push(cleanup, () => reviewing.close())
    const { dir: deskDir, cleanup: deskCleanup } = tempDir()
    const app = openTestDesk(deskDir)
    cleanups.push(deskCleanup, () => app.close())
    await app.direct().call('setup.complete', VALID_SETUP)
    await app.direct().call('sync.enrol', {
      registryUrl: reviewing.url,
      chamberCode: '09',
      enrolmentToken: reviewing.createEnrolmentToken('09'),
    })
    const codes = testCodes(app.db)
    const { id: accepted } = await app.direct().call('artisans.register', validRegistration(codes))
    const { id: refused } = await app
      .direct()
      .call('artisans.register', validRegistration(codes, { cin: 'ZZ123456', phone: '0670112233' }))
    const started = Date.now()
    // The desk's own schedule, shortened: a sync at start, then one soon after the push.
    const stop = app.sync.startBackground(60_000, 1500)
    cleanups.push(stop)
    const decided = async () => {
      const [a, r] = await Promise.all([
        app.direct().call('artisans.get', { id: accepted }),
        app.direct().call('artisans.get', { id: refused }),
      ])
      return a.rnaStatus !== 'pending' && r.rnaStatus !== 'pending' ? { a, r } : null
    }
    let files = await decided()
    while (!files && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      files = await decided()
    }
    expect(files?.a).toMatchObject({
      rnaStatus: 'registered',
      nia: expect.stringMatching(/^09\d{8}$/),
    })
    expect(files?.r.rnaStatus).toBe('rejected')
    expect(files?.r.rnaRejectionReason).toContain('ZZ')
    // Start (≤ 5 s) + the registry's review (1 s) + the follow-up sync (1.5 s).
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})
