import type { SijillApp } from '../../electron/services/app'
import { percentile, type Figure } from './figures'

/**
 * Session figures on the bench register (issue 6): an organiser's invitation filter
 * (count before adding, then the invitation itself) and the door search during check-in.
 * The session and its invitations are removed afterwards so the cached register stays as
 * seeded. No budget of docs/architecture.md, Performance budgets names them: the filter is held to the list's (100 ms),
 * the door search to the counter search's (10 ms).
 */
export async function sessionFigures(app: SijillApp): Promise<Figure[]> {
  const api = app.direct()
  const communes = app.db
    .prepare(
      `SELECT commune_code FROM artisan WHERE commune_code IS NOT NULL
        GROUP BY commune_code ORDER BY count(*) DESC LIMIT 40`,
    )
    .pluck()
    .all() as string[]
  const activities = app.db
    .prepare(`SELECT code FROM ref_activity ORDER BY code LIMIT 40`)
    .pluck()
    .all() as string[]
  const day = new Date(Date.now() + 864e5).toISOString().slice(0, 10)
  const session = await api.call('sessions.plan', {
    kind: 'chamber',
    title: 'Bench session',
    startsAt: `${day}T09:00`,
    endsAt: `${day}T12:00`,
  })
  try {
    const targets = ['not_registered', 'registered_no_cnss', 'cnss_no_amo', 'any'] as const
    const counts: number[] = []
    for (let i = 0; i < 120; i++) {
      const filter = {
        communeCodes: communes.slice(i % 20, (i % 20) + 1 + (i % 3)),
        activityCodes: i % 2 ? activities.slice(i % 30, (i % 30) + 2) : [],
        pathTarget: targets[i % targets.length],
      }
      const t = process.hrtime.bigint()
      await api.call('sessions.invitationCount', { sessionId: session.id, filter })
      counts.push(Number(process.hrtime.bigint() - t) / 1e6)
    }
    const filter = {
      communeCodes: communes.slice(0, 1),
      activityCodes: [],
      pathTarget: 'any' as const,
    }
    const { matching } = await api.call('sessions.invitationCount', {
      sessionId: session.id,
      filter,
    })
    const t = process.hrtime.bigint()
    const invited = await api.call('sessions.invite', { sessionId: session.id, filter })
    const inviteMs = Number(process.hrtime.bigint() - t) / 1e6

    const people = app.db
      .prepare(
        `SELECT a.cin, a.last_name_ar FROM session_invitee i JOIN artisan a ON a.id = i.artisan_id
          WHERE i.session_id = ? LIMIT 100`,
      )
      .all(session.id) as { cin: string | null; last_name_ar: string | null }[]
    const door: number[] = []
    for (const [i, p] of people.entries()) {
      const query = (i % 2 ? p.last_name_ar : p.cin) ?? p.cin ?? 'ab'
      const s = process.hrtime.bigint()
      await api.call('sessions.findAtDoor', { sessionId: session.id, query })
      door.push(Number(process.hrtime.bigint() - s) / 1e6)
    }
    return [
      {
        name: 'session invitation filter: count (p95)',
        value: percentile(counts, 95),
        unit: 'ms',
        budget: 100,
        lowerIsBetter: true,
      },
      {
        name: `session invitation: add ${invited.added.toLocaleString('en')} of ${matching.toLocaleString('en')}`,
        value: inviteMs,
        unit: 'ms',
        budget: null,
        lowerIsBetter: true,
      },
      {
        name: 'check-in door search, CIN or family name (p95)',
        value: percentile(door, 95),
        unit: 'ms',
        budget: 10,
        lowerIsBetter: true,
      },
    ]
  } finally {
    app.db.prepare('DELETE FROM session_invitee WHERE session_id = ?').run(session.id)
    app.db.prepare('DELETE FROM session WHERE id = ?').run(session.id)
  }
}
