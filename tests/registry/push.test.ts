import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PATHS, type PushResult } from '../../shared/registry/contract'
import type { RegistryArtisan } from '../../shared/registry/records'
import {
  call,
  certificateNotice,
  createArtisan,
  deleteArtisan,
  enrolDesk,
  expectError,
  newId,
  openRegistry,
  pullAll,
  push,
  someArtisan,
  updateArtisan,
  type Desk,
  type RunningRegistry,
} from './test-client'

/** Push: the registry's rules for create, update, delete and certificates, and idempotency. */
let running: RunningRegistry
let desk: Desk
beforeEach(async () => {
  running = await openRegistry()
  desk = await enrolDesk(running.registry, '09')
})
afterEach(() => running.stop())

function applied(result: PushResult | undefined): RegistryArtisan {
  if (result?.status !== 'applied' || !result.record)
    throw new Error(`not applied: ${JSON.stringify(result)}`)
  return result.record
}

const feedRows = () =>
  running.registry.db.prepare('SELECT count(*) FROM feed').pluck().get() as number

describe('push', () => {
  it('creates a file in the desk’s chamber with a revision', async () => {
    const id = newId()
    const { results } = await push(desk, [createArtisan(id, someArtisan())])
    const record = applied(results[0])
    expect(record).toMatchObject({ id, chamberCode: '09', rnaStatus: 'identified', nia: null })
    expect(results[0]).toMatchObject({ status: 'applied', revision: record.revision })
    expect(record.revision).toBe(String(feedRows()))

    const again = await push(desk, [createArtisan(id, someArtisan())])
    expect(again.results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'already_exists' },
    })
  })

  it('updates from the current revision, and answers a stale one with the current state', async () => {
    const id = newId()
    const created = applied((await push(desk, [createArtisan(id, someArtisan())])).results[0])
    const updated = applied(
      (
        await push(desk, [
          updateArtisan(id, created.revision, {
            phone: '0661234567',
            address: 'Derb Sidi Bouloukat',
          }),
        ])
      ).results[0],
    )
    expect(updated).toMatchObject({
      phone: '0661234567',
      address: 'Derb Sidi Bouloukat',
      cin: created.cin,
    })
    expect(Number(updated.revision)).toBeGreaterThan(Number(created.revision))

    const stale = (await push(desk, [updateArtisan(id, created.revision, { phone: '0700000000' })]))
      .results[0]
    expect(stale).toMatchObject({
      status: 'conflict',
      current: { phone: '0661234567', revision: updated.revision },
    })

    const unknown = (await push(desk, [updateArtisan(newId(), '1', { phone: '0700000000' })]))
      .results[0]
    expect(unknown).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } })
  })

  it('takes a null base revision as "my own last push" — until someone else changes the file', async () => {
    const id = newId()
    // Created and edited offline: both in one batch, the edit cannot know the revision.
    const { results } = await push(desk, [
      createArtisan(id, someArtisan()),
      updateArtisan(id, null, { phone: '0612345678' }),
    ])
    expect(applied(results[1]).phone).toBe('0612345678')

    running.registry.setCover(id, { coverStatus: 'amo_covered' })
    const after = (await push(desk, [updateArtisan(id, null, { phone: '0699999999' })])).results[0]
    expect(after).toMatchObject({ status: 'conflict', current: { coverStatus: 'amo_covered' } })

    const other = await enrolDesk(running.registry, '09')
    const current = after?.status === 'conflict' ? after.current.revision : ''
    applied((await push(other, [updateArtisan(id, current, { phone2: '0522000000' })])).results[0])
    const mine = (await push(desk, [updateArtisan(id, null, { phone: '0600000000' })])).results[0]
    expect(mine?.status).toBe('conflict')
  })

  it('answers a replayed operation with the same result and does nothing again', async () => {
    const id = newId()
    const operation = createArtisan(id, someArtisan())
    const first = await push(desk, [operation])
    const rows = feedRows()
    const second = await push(desk, [operation])
    expect(second).toEqual(first)
    expect(feedRows()).toBe(rows)
    // Even when the file changed since: the stored answer, unchanged.
    const record = applied(first.results[0])
    await push(desk, [updateArtisan(id, record.revision, { phone: '0611111111' })])
    expect((await push(desk, [operation])).results[0]).toEqual(first.results[0])
    // Twice in one batch.
    const update = updateArtisan(id, null, { phone: '0622222222' })
    const twice = await push(desk, [update, update])
    expect(twice.results[1]).toEqual(twice.results[0])
    // Another desk cannot replay (or read) someone else's operation.
    const other = await enrolDesk(running.registry, '01')
    const stolen = (await push(other, [operation])).results[0]
    expect(stolen).toMatchObject({ status: 'rejected', reason: { code: 'op_id_reused' } })
  })

  it('deletes as a tombstone; twice is fine', async () => {
    const id = newId()
    const created = applied((await push(desk, [createArtisan(id, someArtisan())])).results[0])
    const first = (await push(desk, [deleteArtisan(id, created.revision)])).results[0]
    expect(first).toMatchObject({ status: 'applied', record: null })
    const second = (await push(desk, [deleteArtisan(id, created.revision)])).results[0]
    expect(second).toMatchObject({ status: 'applied', record: null })
    const never = (await push(desk, [deleteArtisan(newId(), null)])).results[0]
    expect(never).toMatchObject({ status: 'applied', revision: null, record: null })
    const { changes } = await pullAll(desk)
    expect(changes).toEqual([
      expect.objectContaining({ id, deleted: true, record: null, origin: desk.deviceId }),
    ])
    const update = (await push(desk, [updateArtisan(id, null, { phone: '0600000000' })])).results[0]
    expect(update).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } })
  })

  it('records the steps of the path a desk took by hand', async () => {
    const id = newId()
    const { results } = await push(desk, [
      createArtisan(id, someArtisan()),
      updateArtisan(id, null, {
        step: { step: 'rna_registered', happenedOn: '2025-02-03', nia: '09-4567 8901' },
      }),
      updateArtisan(id, null, {
        step: { step: 'cnss_pre_registered', happenedOn: '2025-02-10', cnssNumber: '123456789' },
      }),
      updateArtisan(id, null, {
        step: { step: 'bank_referred', happenedOn: '2025-02-11', bank: 'cam' },
      }),
    ])
    expect(applied(results[3])).toMatchObject({
      rnaStatus: 'registered',
      nia: '0945678901',
      rnaRegisteredAt: '2025-02-03',
      coverStatus: 'cnss_pre_registered',
      cnssNumber: '123456789',
      coverAt: '2025-02-10',
      bankStatus: 'referred',
      bankPartner: 'cam',
      bankAt: '2025-02-11',
    })
    const rejected = (
      await push(desk, [
        updateArtisan(id, null, { step: { step: 'rna_rejected', happenedOn: '2025-03-01' } }),
      ])
    ).results[0]
    expect(rejected).toMatchObject({ status: 'rejected', reason: { code: 'already_registered' } })

    const other = newId()
    const taken = (
      await push(desk, [
        createArtisan(other, {
          ...someArtisan(),
          step: { step: 'rna_registered', happenedOn: '2025-02-03', nia: '0945678901' },
        }),
      ])
    ).results[0]
    expect(taken).toMatchObject({ status: 'rejected', reason: { code: 'nia_taken' } })
  })

  it('refuses the whole batch when one operation is malformed, naming it', async () => {
    const good = createArtisan(newId(), someArtisan())
    const bad = { ...createArtisan(newId(), someArtisan()), payload: { sex: 'X' } }
    const answer = await call(running.registry, 'POST', PATHS.changes, {
      token: desk.accessToken,
      body: { operations: [good, bad] },
    })
    const error = expectError(answer, 400, 'invalid_request')
    expect(error.message).toContain('Opération 1')
    expect(error.message).toContain(bad.opId)
    expect(error.message).toContain('payload.sex')
    expect(feedRows()).toBe(0)
    expectError(
      await call(running.registry, 'POST', PATHS.changes, {
        token: desk.accessToken,
        body: '{"operations":',
      }),
      400,
      'invalid_request',
    )
    expectError(
      await call(running.registry, 'POST', PATHS.changes, {
        token: desk.accessToken,
        body: { operations: [] },
      }),
      400,
      'invalid_request',
    )
  })

  it('takes certificate notices that the chamber’s other desks then pull', async () => {
    const id = newId()
    const { results } = await push(desk, [
      createArtisan(
        id,
        someArtisan({
          step: { step: 'rna_registered', happenedOn: '2025-01-05', nia: '0911112222' },
        }),
      ),
    ])
    applied(results[0])
    const notice = {
      number: 'ATT-09-A1B2-2025-000001',
      artisanId: id,
      nia: '0911112222',
      issuedOn: '2025-01-06',
      keyId: 'k1',
      publicKey: 'MCowBQYDK2VwAyEA',
      cancelledAt: null,
      cancelReason: null,
    }
    const issued = (await push(desk, [certificateNotice('create', notice)])).results[0]
    expect(issued).toMatchObject({ status: 'applied', record: null })
    const cancelled = {
      ...notice,
      cancelledAt: '2025-01-07T10:00:00Z',
      cancelReason: 'Erreur de nom',
    }
    expect((await push(desk, [certificateNotice('update', cancelled)])).results[0]?.status).toBe(
      'applied',
    )

    const colleague = await enrolDesk(running.registry, '09')
    const { changes } = await pullAll(colleague)
    expect(changes.find((change) => change.entityType === 'certificate')).toMatchObject({
      id: notice.number,
      notice: cancelled,
      origin: desk.deviceId,
    })
    expect((await pullAll(await enrolDesk(running.registry, '01'))).changes).toEqual([])

    const refusals = await push(desk, [
      certificateNotice('create', notice),
      certificateNotice('create', {
        ...notice,
        number: 'ATT-09-A1B2-2025-000002',
        nia: '0999999999',
      }),
      certificateNotice('create', {
        ...notice,
        number: 'ATT-09-A1B2-2025-000003',
        artisanId: newId(),
      }),
      certificateNotice('update', { ...notice, number: 'ATT-09-A1B2-2025-000004' }),
    ])
    expect(
      refusals.results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status)),
    ).toEqual(['already_exists', 'nia_mismatch', 'not_found', 'not_found'])
  })
})
