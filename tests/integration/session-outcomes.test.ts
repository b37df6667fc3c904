import { describe, expect, it } from 'vitest'
import type { PathAction } from '@shared/artisans/path-action'
import type { SijillApp } from '../../electron/services/app'
import { identifyArtisan } from '../../electron/services/artisans/identify'
import { outcomesOf, sessionOutcomes } from '../../electron/services/sessions/outcomes'
import { setUpDeskPerTest } from '../helpers/desk-per-test'
import { testCodes } from '../helpers/registration'

/**
 * Outcome counting: among those who came to a session, who took a step of the path within
 * 30 and 90 days of it. Steps before the session, after the window, or by people who were
 * only invited do not count; a person at two stops of a caravan counts once.
 */
let app: SijillApp
setUpDeskPerTest(
  (desk) => (app = desk.app),
  () => app,
)

const api = () => app.direct()
const TODAY = new Date().toISOString().slice(0, 10)
const day = (offset: number) => new Date(Date.now() + offset * 864e5).toISOString().slice(0, 10)

/** A session held `daysAgo` days ago (planning refuses the past, so its date is set after). */
async function heldSession(daysAgo: number): Promise<string> {
  const codes = testCodes(app.db)
  const s = await api().call('sessions.plan', {
    kind: 'caravan_stop',
    title: `Étape il y a ${daysAgo} jours`,
    startsAt: `${day(1)}T09:00`,
    endsAt: `${day(1)}T12:00`,
    communeCode: codes.tiznitCommune,
  })
  app.db
    .prepare(`UPDATE session SET starts_at = ?, ends_at = ?, status = 'held' WHERE id = ?`)
    .run(`${day(-daysAgo)}T09:00`, `${day(-daysAgo)}T12:00`, s.id)
  return s.id
}

let n = 0
function artisan(): string {
  n += 1
  return identifyArtisan(
    app.db,
    app.actor(),
    {
      cin: null,
      phone: `+2126610000${String(n).padStart(2, '0')}`,
      firstNameAr: 'فاطمة',
      lastNameAr: `أوعلي ${n}`,
      firstNameLat: null,
      lastNameLat: null,
      sex: null,
      birthDate: null,
      provinceCode: null,
      communeCode: null,
      mainActivity: null,
    },
    'test',
  ).id
}

function came(sessionId: string, artisanId: string, walkIn = false): void {
  app.db
    .prepare(
      `INSERT INTO session_attendance (session_id, artisan_id, checked_in_at, walk_in) VALUES (?, ?, ?, ?)`,
    )
    .run(sessionId, artisanId, new Date().toISOString(), walkIn ? 1 : 0)
}
function invited(sessionId: string, artisanId: string): void {
  app.db
    .prepare(`INSERT INTO session_invitee (session_id, artisan_id, invited_at) VALUES (?, ?, ?)`)
    .run(sessionId, artisanId, new Date().toISOString())
}
async function step(artisanId: string, action: PathAction): Promise<void> {
  const { version } = await api().call('artisans.get', { id: artisanId })
  await api().call('artisans.recordStep', { artisanId, expectedVersion: version, action })
}
const registered = (on: string) =>
  ({ step: 'rna_registered', happenedOn: on, nia: `09${String(++n).padStart(8, '0')}` }) as const

describe('session outcomes', () => {
  it('counts the steps attendees took within 30 and 90 days, nothing else', async () => {
    const s = await heldSession(120)
    const onTime = artisan() // registered on day 5, CNSS on day 40, AMO on day 95
    const before = artisan() // registered before the session: no outcome of it
    const absent = artisan() // invited, registered on day 2, but never came
    const walkIn = artisan() // walk-in, registered on day 30 (the last day of the window)
    invited(s, onTime)
    invited(s, before)
    invited(s, absent)
    came(s, onTime)
    came(s, before)
    came(s, walkIn, true)
    await step(onTime, registered(day(-115)))
    await step(onTime, { step: 'cnss_pre_registered', happenedOn: day(-80), cnssNumber: '' })
    await step(onTime, { step: 'amo_covered', happenedOn: day(-25) })
    await step(before, registered(day(-121)))
    await step(absent, registered(day(-118)))
    await step(walkIn, registered(day(-90)))

    const o = sessionOutcomes(app.db, s)
    expect(o).toMatchObject({ invited: 3, attended: 3, invitedAttended: 2, walkIns: 1 })
    expect(o.windows).toEqual([
      { days: 30, open: false, registered: 2, cnssPreRegistered: 0, amoCovered: 0 },
      { days: 90, open: false, registered: 2, cnssPreRegistered: 1, amoCovered: 0 },
    ])
    // The same figures through the API.
    expect(await api().call('sessions.outcomes', { sessionId: s })).toEqual(o)
  })

  it('marks a window still open while its days are not over', async () => {
    const s = await heldSession(10)
    const a = artisan()
    came(s, a)
    await step(a, registered(day(-2)))
    const o = sessionOutcomes(app.db, s, TODAY)
    expect(o.windows.map((w) => [w.days, w.open, w.registered])).toEqual([
      [30, true, 1],
      [90, true, 1],
    ])
    // The session was ten days ago: its 30-day window runs to day 20, that day included.
    expect(sessionOutcomes(app.db, s, day(20)).windows[0]?.open).toBe(true)
    expect(sessionOutcomes(app.db, s, day(21)).windows[0]?.open).toBe(false)
  })

  it('counts a person who came to two stops of a caravan once', async () => {
    const first = await heldSession(60)
    const second = await heldSession(40)
    const both = artisan()
    const one = artisan()
    came(first, both)
    came(second, both)
    came(second, one, true)
    await step(both, registered(day(-35)))
    await step(one, registered(day(-39)))
    const o = outcomesOf(app.db, [first, second])
    expect(o).toMatchObject({ attended: 2, walkIns: 1 })
    // Day -35 is within 30 days of both stops; day -39 within 30 days of the second.
    expect(o.windows[0]).toMatchObject({ days: 30, registered: 2 })
  })

  it('has nothing to count for an unknown session or an empty caravan', () => {
    expect(() => sessionOutcomes(app.db, 'nope')).toThrow(/session_not_found/)
    expect(outcomesOf(app.db, []).attended).toBe(0)
  })
})
