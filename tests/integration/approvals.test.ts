import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApiClient, type ApiClient } from '@shared/api/client'
import type { Actor } from '@shared/api/roles'
import type { SijillApp } from '../../electron/services/app'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import { startRegistry, type Registry } from '../registry/server'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'
import { testCodes, updateRequestOf, validRegistration } from '../helpers/registration'

/**
 * Supervisor approval, through the router with chosen people and the real reference
 * registry: a clerk's registration or identity change waits (nothing of the file is
 * pushed) until a supervisor approves it; a return carries a comment back to the clerk,
 * whose correction sends it again; supervisors' own work and a desk with the setting off
 * are not held.
 */
let registry: Registry
const cleanups: (() => void | Promise<void>)[] = []
beforeEach(async () => {
  const { dir, cleanup } = tempDir()
  registry = await startRegistry({ dataDir: dir, reviewDelayMs: 60_000 })
  cleanups.push(cleanup, () => registry.close())
})
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const clerk: Actor = { id: 'user:amina', name: 'Amina Clerk', roles: ['clerk'] }
const otherClerk: Actor = { id: 'user:youssef', name: 'Youssef Clerk', roles: ['clerk'] }
const supervisor: Actor = { id: 'user:hassan', name: 'Hassan Supervisor', roles: ['supervisor'] }

async function desk(): Promise<SijillApp> {
  const { dir, cleanup } = tempDir()
  const app = openTestDesk(dir)
  cleanups.push(cleanup, () => app.close())
  await app.direct().call('setup.complete', VALID_SETUP)
  await app.direct().call('sync.enrol', {
    registryUrl: registry.url,
    chamberCode: '09',
    enrolmentToken: registry.createEnrolmentToken('09'),
  })
  return app
}

/** The API as this person calls it (logged in, through the HTTP transport). */
function as(app: SijillApp, actor: Actor): ApiClient {
  const ctx = { actor, transport: 'http' as const, auth: 'active' as const }
  return createApiClient({
    kind: 'http',
    call: (method, input) => app.router.call(ctx, method, input),
  })
}

const sync = (app: SijillApp) => app.direct().call('sync.now', { wait: true })

/** The registry's copy of a file (null: the registry never heard of it). */
function atRegistry(id: string): Record<string, unknown> | null {
  const state = registry.db.prepare('SELECT state FROM artisans WHERE id = ?').pluck().get(id) as
    string | undefined
  return state === undefined ? null : (JSON.parse(state) as Record<string, unknown>)
}

async function register(app: SijillApp, actor: Actor, cin = 'JE123456') {
  return as(app, actor).call('artisans.register', {
    ...validRegistration(testCodes(app.db), { cin }),
  })
}

async function edit(app: SijillApp, actor: Actor, id: string, overrides: Record<string, unknown>) {
  const file = await app.direct().call('artisans.get', { id })
  return as(app, actor).call('artisans.update', updateRequestOf(file, overrides))
}

describe('supervisor approval', () => {
  it('holds a clerk’s registration from the registry until a supervisor approves it', async () => {
    const app = await desk()
    const { id } = await register(app, clerk)
    const queue = await as(app, supervisor).call('approvals.list', {})
    expect(queue.canDecide).toBe(true)
    expect(queue.items).toMatchObject([
      {
        artisanId: id,
        kind: 'registration',
        status: 'pending',
        requestedBy: { id: clerk.id, name: clerk.name },
        artisan: { cin: 'JE123456', firstNameLat: 'Fatima', lastNameLat: 'Ouali' },
        held: 1,
      },
    ])
    expect(queue.items[0]?.changes).toContainEqual({
      field: 'cin',
      before: null,
      after: 'JE123456',
    })

    const run = await sync(app)
    expect(run.progress?.push.applied).toBe(0)
    expect(atRegistry(id)).toBeNull()
    expect(await app.direct().call('sync.status', {})).toMatchObject({
      pending: 1,
      heldForApproval: 1,
    })

    const [request] = queue.items
    const approved = await as(app, supervisor).call('approvals.approve', {
      id: request?.id ?? '',
      expectedVersion: request?.version ?? 0,
    })
    expect(approved).toMatchObject({
      status: 'approved',
      decidedBy: { id: supervisor.id, name: supervisor.name },
      held: 0,
    })
    expect(await app.direct().call('approvals.forArtisan', { artisanId: id })).toBeNull()
    expect((await sync(app)).progress?.push.applied).toBe(1)
    expect(atRegistry(id)).toMatchObject({ cin: 'JE123456' })
    const actions = app.db
      .prepare(`SELECT action FROM audit_log WHERE entity_type = 'approval' ORDER BY seq`)
      .pluck()
      .all()
    expect(actions).toEqual(['approval.open', 'approval.approve'])
    expect(verifyAuditChain(app.db).ok).toBe(true)
  })

  it('keeps the RNA steps of a waiting file closed until it is approved; CNSS goes on meanwhile', async () => {
    const app = await desk()
    const { id } = await register(app, clerk)
    const step = async (action: Record<string, unknown>) => {
      const { version } = await app.direct().call('artisans.get', { id })
      return as(app, clerk).call('artisans.recordStep', {
        artisanId: id,
        expectedVersion: version,
        action,
      } as never)
    }
    await expect(step({ step: 'rna_submitted', happenedOn: '2026-01-05' })).rejects.toMatchObject({
      data: { code: 'conflict', key: 'errors.step_waits_approval' },
    })
    await step({ step: 'cnss_pre_registered', happenedOn: '2026-01-05' })
    const [request] = (await as(app, supervisor).call('approvals.list', {})).items
    await as(app, supervisor).call('approvals.approve', {
      id: request?.id ?? '',
      expectedVersion: request?.version ?? 0,
    })
    await step({ step: 'rna_submitted', happenedOn: '2026-01-06' })
    expect((await app.direct().call('artisans.get', { id })).rnaStatus).toBe('submitted')
  })

  it('holds a clerk’s change of CIN, name or birth date, but not of the address alone', async () => {
    const app = await desk()
    const { id } = await register(app, supervisor)
    await sync(app)
    expect(atRegistry(id)).toMatchObject({ address: 'Derb Idzagh, Tiznit' })

    await edit(app, clerk, id, { address: 'Hay Dakhla 4, Tiznit' })
    expect(await app.direct().call('approvals.forArtisan', { artisanId: id })).toBeNull()
    expect((await sync(app)).progress?.push.applied).toBe(1)
    expect(atRegistry(id)).toMatchObject({ address: 'Hay Dakhla 4, Tiznit' })

    await edit(app, clerk, id, { lastNameLat: 'Oualii', birthDate: '1978-03-15' })
    const open = await app.direct().call('approvals.forArtisan', { artisanId: id })
    expect(open).toMatchObject({ kind: 'sensitive_edit', status: 'pending', held: 1 })
    expect(open?.changes).toEqual([
      { field: 'lastNameLat', before: 'Ouali', after: 'Oualii' },
      { field: 'birthDate', before: '1978-03-14', after: '1978-03-15' },
    ])
    // While the file waits, everything of it waits — in order — and joins the request.
    await edit(app, clerk, id, { address: 'Hay Salam 7, Tiznit' })
    const extended = await app.direct().call('approvals.forArtisan', { artisanId: id })
    expect(extended).toMatchObject({ version: 2, held: 2 })
    expect(extended?.changes.map((c) => c.field)).toEqual(['lastNameLat', 'birthDate', 'address'])
    expect((await sync(app)).progress?.push.applied).toBe(0)
    expect(atRegistry(id)).toMatchObject({ lastNameLat: 'Ouali', address: 'Hay Dakhla 4, Tiznit' })

    await as(app, supervisor).call('approvals.approve', {
      id: extended?.id ?? '',
      expectedVersion: 2,
    })
    expect((await sync(app)).progress?.push.applied).toBe(2)
    expect(atRegistry(id)).toMatchObject({
      lastNameLat: 'Oualii',
      birthDate: '1978-03-15',
      address: 'Hay Salam 7, Tiznit',
    })
  })

  it('returns a file with a comment the clerk sees; the correction sends it back, then it is approved and pushed', async () => {
    const app = await desk()
    const { id } = await register(app, clerk)
    const request = await app.direct().call('approvals.forArtisan', { artisanId: id })
    await expect(
      as(app, supervisor).call('approvals.return', {
        id: request?.id ?? '',
        comment: ' x ',
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({
      data: {
        code: 'validation',
        fields: [{ path: 'comment', key: 'validation.approval_comment' }],
      },
    })
    const returned = await as(app, supervisor).call('approvals.return', {
      id: request?.id ?? '',
      comment: 'The CIN copy shows JE123465: check the digits.',
      expectedVersion: 1,
    })
    expect(returned).toMatchObject({ status: 'returned', version: 2 })

    const mine = await as(app, clerk).call('approvals.list', { status: 'returned', mine: true })
    expect(mine.canDecide).toBe(false)
    expect(mine.items).toMatchObject([
      {
        artisanId: id,
        status: 'returned',
        comment: 'The CIN copy shows JE123465: check the digits.',
        decidedBy: { name: supervisor.name },
      },
    ])
    expect(
      (await as(app, otherClerk).call('approvals.list', { status: 'returned' })).items,
    ).toEqual([])
    await expect(
      as(app, otherClerk).call('approvals.get', { id: request?.id ?? '' }),
    ).rejects.toMatchObject({ data: { code: 'forbidden' } })
    expect((await sync(app)).progress?.push.applied).toBe(0) // a returned file stays held

    await edit(app, clerk, id, { cin: 'JE123465' })
    const resubmitted = await app.direct().call('approvals.forArtisan', { artisanId: id })
    expect(resubmitted).toMatchObject({ status: 'pending', resubmitted: true, version: 3 })
    expect(resubmitted?.changes).toContainEqual({ field: 'cin', before: null, after: 'JE123465' })
    expect(
      (await as(app, clerk).call('approvals.list', { status: 'returned', mine: true })).items,
    ).toEqual([])
    expect((await sync(app)).progress?.push.applied).toBe(0)

    await as(app, supervisor).call('approvals.approve', {
      id: request?.id ?? '',
      expectedVersion: 3,
    })
    expect((await sync(app)).progress?.push.applied).toBe(2)
    expect(atRegistry(id)).toMatchObject({ cin: 'JE123465' })
    const actions = app.db
      .prepare(`SELECT action FROM audit_log WHERE entity_type = 'approval' ORDER BY seq`)
      .pluck()
      .all()
    expect(actions).toEqual([
      'approval.open',
      'approval.return',
      'approval.resubmit',
      'approval.approve',
    ])
  })

  it('does not hold a supervisor’s own registration, nor anything once the setting is off', async () => {
    const app = await desk()
    expect(await as(app, clerk).call('approvals.settings', {})).toEqual({ required: true })
    const own = await register(app, supervisor, 'JE111111')
    expect(await app.direct().call('approvals.forArtisan', { artisanId: own.id })).toBeNull()

    await expect(
      as(app, supervisor).call('approvals.setSettings', { required: false }),
    ).rejects.toMatchObject({ data: { code: 'forbidden' } })
    const admin: Actor = { id: 'user:admin', name: 'Admin', roles: ['administrator'] }
    expect(await as(app, admin).call('approvals.setSettings', { required: false })).toEqual({
      required: false,
    })
    const byClerk = await register(app, clerk, 'JE222222')
    await edit(app, clerk, byClerk.id, { firstNameLat: 'Fatim' })
    expect(await app.direct().call('approvals.forArtisan', { artisanId: byClerk.id })).toBeNull()
    expect((await as(app, supervisor).call('approvals.list', {})).items).toEqual([])
    expect((await sync(app)).progress?.push.applied).toBe(3)
    expect(atRegistry(byClerk.id)).toMatchObject({ firstNameLat: 'Fatim' })
    expect(await app.direct().call('sync.status', {})).toMatchObject({
      pending: 0,
      heldForApproval: 0,
    })
  })

  it('holds the certificate of a held file with it, and sends both once approved', async () => {
    const app = await desk()
    const { id } = await register(app, clerk)
    await app.direct().call('artisans.recordStep', {
      artisanId: id,
      expectedVersion: 1,
      action: { step: 'rna_registered', happenedOn: '2026-01-10', nia: '0900001234' },
    })
    await app.direct().call('documents.issue', { artisanId: id, type: 'certificate' })
    expect(await app.direct().call('sync.status', {})).toMatchObject({
      pending: 3,
      heldForApproval: 3,
    })
    expect((await sync(app)).progress?.push).toMatchObject({ applied: 0, rejected: 0 })
    const request = await app.direct().call('approvals.forArtisan', { artisanId: id })
    await as(app, supervisor).call('approvals.approve', {
      id: request?.id ?? '',
      expectedVersion: request?.version ?? 0,
    })
    expect((await sync(app)).progress?.push).toMatchObject({ applied: 3, rejected: 0 })
  })

  it('lets only supervisors decide, and refuses a decision on a request that changed meanwhile', async () => {
    const app = await desk()
    const { id } = await register(app, clerk)
    const request = await app.direct().call('approvals.forArtisan', { artisanId: id })
    const decide = { id: request?.id ?? '', expectedVersion: 1 }
    await expect(as(app, clerk).call('approvals.approve', decide)).rejects.toMatchObject({
      data: { code: 'forbidden' },
    })
    await expect(
      as(app, clerk).call('approvals.return', { ...decide, comment: 'Looks wrong' }),
    ).rejects.toMatchObject({ data: { code: 'forbidden' } })

    await as(app, supervisor).call('approvals.approve', decide)
    const admin: Actor = { id: 'user:admin', name: 'Admin', roles: ['administrator'] }
    await expect(as(app, admin).call('approvals.approve', decide)).rejects.toMatchObject({
      data: { code: 'conflict', key: 'errors.approval_stale' },
    })
    await expect(
      as(app, admin).call('approvals.approve', { ...decide, expectedVersion: 2 }),
    ).rejects.toMatchObject({ data: { code: 'conflict', key: 'errors.approval_decided' } })
    const audits = app.db
      .prepare(`SELECT count(*) FROM audit_log WHERE action = 'approval.approve'`)
      .pluck()
      .get()
    expect(audits).toBe(1)
  })

  it('refuses to approve a request the clerk changed after the supervisor opened it', async () => {
    const app = await desk()
    const { id } = await register(app, clerk)
    const seen = await app.direct().call('approvals.forArtisan', { artisanId: id })
    await edit(app, clerk, id, { firstNameAr: 'فاطيمة' })
    await expect(
      as(app, supervisor).call('approvals.approve', {
        id: seen?.id ?? '',
        expectedVersion: seen?.version ?? 0,
      }),
    ).rejects.toMatchObject({ data: { code: 'conflict', key: 'errors.approval_stale' } })
    expect((await sync(app)).progress?.push.applied).toBe(0)
  })
})
