import { afterEach, describe, expect, it } from 'vitest'
import { today } from './dates'
import {
  admin,
  createArtisan,
  enrolDesk,
  eventually,
  newId,
  openRegistry,
  pullAll,
  recordOf,
  push,
  someArtisan,
  updateArtisan,
  type RunningRegistry,
} from './test-client'

/** The registry's decisions: NIA after review, demonstration reject rules, CNSS/AMO status. */
let running: RunningRegistry | undefined
afterEach(() => running?.stop())

describe('review', () => {
  it('registers a pending file after the delay, with a new NIA and no origin', async () => {
    running = await openRegistry({ reviewDelayMs: 150 })
    const desk = await enrolDesk(running.registry, '09')
    const pending = newId()
    const submitted = newId()
    const started = Date.now()
    await push(desk, [
      createArtisan(pending, someArtisan({ rnaStatus: 'pending' })),
      createArtisan(submitted, someArtisan()),
      updateArtisan(submitted, null, { step: { step: 'rna_submitted', happenedOn: '2025-04-01' } }),
    ])
    const early = await pullAll(desk)
    expect(early.changes.map((change) => recordOf(change)?.rnaStatus)).toEqual([
      'pending',
      'submitted',
    ])

    const decided = await eventually(async () => {
      const { changes } = await pullAll(desk, early.cursor)
      expect(changes).toHaveLength(2)
      return changes
    })
    expect(Date.now() - started).toBeGreaterThanOrEqual(150)
    for (const change of decided) {
      expect(change).toMatchObject({ entityType: 'artisan', origin: null, deleted: false })
      expect(recordOf(change)).toMatchObject({ rnaStatus: 'registered', rnaRegisteredAt: today() })
      expect(recordOf(change)?.nia).toMatch(/^09\d{8}$/)
      expect(change.revision).toBe(recordOf(change)?.revision)
    }
    expect(new Set(decided.map((change) => recordOf(change)?.nia)).size).toBe(2)
    // The submitted file keeps the date the desk submitted it.
    expect(recordOf(decided.find((change) => change.id === submitted))?.rnaSubmittedAt).toBe(
      '2025-04-01',
    )
  })

  it('rejects by the demonstration rules, with a reason a clerk can read', async () => {
    running = await openRegistry({
      reviewDelayMs: 0,
      rejectRules: [
        { kind: 'cin-prefix', value: 'ZZ' },
        { kind: 'birth-before', value: '1950-01-01' },
      ],
    })
    const desk = await enrolDesk(running.registry, '09')
    const [byCin, byAge, fine] = [newId(), newId(), newId()]
    await push(desk, [
      createArtisan(byCin, someArtisan({ cin: 'zz112233', rnaStatus: 'pending' })),
      createArtisan(byAge, someArtisan({ birthDate: '1948-06-01', rnaStatus: 'pending' })),
      createArtisan(fine, someArtisan({ rnaStatus: 'pending' })),
    ])
    const { changes } = await pullAll(desk)
    const record = (id: string) => recordOf(changes.find((change) => change.id === id))
    expect(record(byCin)).toMatchObject({ rnaStatus: 'rejected', nia: null })
    expect(record(byCin)?.rnaRejectionReason).toContain('CIN refusée par la règle de démonstration')
    expect(record(byAge)).toMatchObject({ rnaStatus: 'rejected' })
    expect(record(byAge)?.rnaRejectionReason).toContain('1950-01-01')
    expect(record(fine)).toMatchObject({ rnaStatus: 'registered' })

    // A rejected file can ask again: the rule still applies.
    const revision = changes.find((change) => change.id === byAge)?.revision ?? null
    const again = (
      await push(desk, [
        updateArtisan(byAge, revision, { birthDate: '1958-06-01', rnaStatus: 'pending' }),
      ])
    ).results[0]
    expect(again?.status).toBe('applied')
    const later = await pullAll(desk)
    expect(recordOf(later.changes.find((change) => change.id === byAge))?.rnaStatus).toBe(
      'registered',
    )
  })

  it('decides now on demand, and passes on what the CNSS/AMO feed says', async () => {
    running = await openRegistry({ reviewDelayMs: 60_000 })
    const { registry } = running
    const desk = await enrolDesk(registry, '09')
    const [a, b] = [newId(), newId()]
    await push(desk, [
      createArtisan(a, someArtisan({ rnaStatus: 'pending' })),
      createArtisan(b, someArtisan({ rnaStatus: 'pending' })),
    ])
    registry.decideNow()
    const decided = await pullAll(desk)
    expect(decided.changes.map((change) => recordOf(change)?.rnaStatus)).toEqual([
      'registered',
      'registered',
    ])

    const record = registry.setCover(a, {
      coverStatus: 'cnss_pre_registered',
      cnssNumber: '998877665',
    })
    expect(record).toMatchObject({ coverStatus: 'cnss_pre_registered', coverAt: today() })
    const viaAdmin = await admin(registry, 'POST', `/admin/artisans/${b}/cover`, {
      coverStatus: 'amo_covered',
      coverAt: '2025-05-02',
    })
    expect(viaAdmin.status).toBe(200)
    const { changes } = await pullAll(desk, decided.cursor)
    expect(changes).toEqual([
      expect.objectContaining({
        id: a,
        origin: null,
        record: expect.objectContaining({ cnssNumber: '998877665' }),
      }),
      expect.objectContaining({
        id: b,
        origin: null,
        record: expect.objectContaining({ coverStatus: 'amo_covered', coverAt: '2025-05-02' }),
      }),
    ])
    expect(
      (await admin(registry, 'POST', `/admin/artisans/${newId()}/cover`, { coverStatus: 'none' }))
        .status,
    ).toBe(404)

    await push(desk, [createArtisan(newId(), someArtisan({ rnaStatus: 'pending' }))])
    expect((await admin(registry, 'POST', '/admin/decide')).body).toEqual({ decided: 1 })
  })
})
