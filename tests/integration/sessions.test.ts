import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PlanSessionInput } from '@shared/sessions/session'
import type { SijillApp } from '../../electron/services/app'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'
import { testCodes } from '../helpers/registration'

/** Planning awareness sessions: the rules an organiser meets, and who may plan. */
let cleanup: () => void
let app: SijillApp
beforeEach(async () => {
  let dir: string
  ;({ dir, cleanup } = tempDir())
  app = openTestDesk(dir)
  await app.direct().call('setup.complete', VALID_SETUP)
})
afterEach(() => {
  app.close()
  cleanup()
})

const api = () => app.direct()
const day = (offset: number) => new Date(Date.now() + offset * 864e5).toISOString().slice(0, 10)

function session(overrides: Partial<PlanSessionInput> = {}): PlanSessionInput {
  const codes = testCodes(app.db)
  return {
    kind: 'chamber',
    title: 'Inscription au RNA et AMO — Tiznit',
    startsAt: `${day(7)}T09:30`,
    endsAt: `${day(7)}T12:00`,
    provinceCode: codes.tiznitProvince,
    communeCode: codes.tiznitCommune,
    venue: 'Siège de la chambre',
    partners: [{ kind: 'cnss', name: 'Agence CNSS Tiznit', contact: '05 28 60 00 00' }],
    languages: ['ar', 'zgh'],
    targetActivities: [codes.carpets],
    targetCommunes: [codes.tiznitCommune],
    capacity: 40,
    organiser: 'Service de la formation',
    ...overrides,
  }
}

const fieldsOf = (error: unknown) =>
  (error as { data?: { fields?: { path: string; key: string }[] } }).data?.fields ?? []

describe('awareness sessions', () => {
  it('plans a session with its partners, languages and targets, lists and corrects it', async () => {
    const planned = await api().call('sessions.plan', session())
    expect(planned).toMatchObject({
      status: 'planned',
      languages: ['ar', 'zgh'],
      partners: [{ kind: 'cnss', name: 'Agence CNSS Tiznit' }],
      capacity: 40,
      invited: 0,
      attended: 0,
      version: 1,
    })
    const later = await api().call(
      'sessions.plan',
      session({
        title: 'Caravane — Tafraout',
        startsAt: `${day(9)}T10:00`,
        endsAt: `${day(9)}T13:00`,
      }),
    )
    expect((await api().call('sessions.list', {})).map((s) => s.id)).toEqual([planned.id, later.id])
    expect((await api().call('sessions.list', { from: day(8) })).map((s) => s.id)).toEqual([
      later.id,
    ])

    const corrected = await api().call('sessions.update', {
      ...session({ capacity: 60 }),
      id: planned.id,
      expectedVersion: 1,
    })
    expect(corrected).toMatchObject({ capacity: 60, version: 2 })
    await expect(
      api().call('sessions.update', {
        ...session({ capacity: 80 }),
        id: planned.id,
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ data: { code: 'conflict' } })
    expect(verifyAuditChain(app.db).ok).toBe(true)
  })

  it('refuses a session in the past, an end before the start, unknown places, and says where', async () => {
    const past = await api()
      .call('sessions.plan', session({ startsAt: `${day(-2)}T09:00`, endsAt: `${day(-2)}T10:00` }))
      .catch((e: unknown) => e)
    expect(fieldsOf(past)).toEqual([{ path: 'startsAt', key: 'validation.session_in_past' }])
    const backwards = await api()
      .call('sessions.plan', session({ endsAt: `${day(7)}T08:00` }))
      .catch((e: unknown) => e)
    expect(fieldsOf(backwards)).toEqual([
      expect.objectContaining({ path: 'endsAt', key: 'validation.end_before_start' }),
    ])
    const nowhere = await api()
      .call('sessions.plan', session({ communeCode: '99.99.999', targetActivities: ['X99.999'] }))
      .catch((e: unknown) => e)
    expect(fieldsOf(nowhere).map((f) => f.path)).toEqual(['communeCode', 'targetActivities.0'])
    expect(await api().call('sessions.list', {})).toEqual([])
  })

  it('is cancelled only with a reason, held only from its day, and planned by organisers only', async () => {
    const planned = await api().call('sessions.plan', session())
    const noReason = await api()
      .call('sessions.setStatus', { id: planned.id, status: 'cancelled', reason: ' ' })
      .catch((e: unknown) => e)
    expect(fieldsOf(noReason)).toEqual([{ path: 'reason', key: 'validation.reason_required' }])
    await expect(
      api().call('sessions.setStatus', { id: planned.id, status: 'held', reason: null }),
    ).rejects.toMatchObject({
      data: { key: 'errors.session_not_started' },
    })
    const cancelled = await api().call('sessions.setStatus', {
      id: planned.id,
      status: 'cancelled',
      reason: 'Intempéries',
    })
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Intempéries' })
    const today = await api().call(
      'sessions.plan',
      session({ startsAt: `${day(0)}T23:00`, endsAt: `${day(0)}T23:30` }),
    )
    expect(
      await api().call('sessions.setStatus', { id: today.id, status: 'held', reason: null }),
    ).toMatchObject({ status: 'held' })

    const clerk = { id: 'user:clerk', name: 'Clerk', roles: ['clerk' as const] }
    const asClerk = await app.router.call(
      { actor: clerk, transport: 'http', auth: 'active' },
      'sessions.plan',
      session(),
    )
    expect(asClerk).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(
      await app.router.call(
        { actor: clerk, transport: 'http', auth: 'active' },
        'sessions.list',
        {},
      ),
    ).toMatchObject({ ok: true })
  })
})
