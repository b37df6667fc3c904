import { EXIT, type CliCommand } from '../command'
import { reportError } from '../report-error'

/**
 * `sessions [--from DAY] [--json]`: the desk's awareness sessions with their ids, so the
 * materials commands (`attendance-sheet`, `session-report`, `handout --session`) can name one.
 */
export const sessionsCommand: CliCommand = {
  name: 'sessions',
  summary: 'awareness sessions: id, day, status, invited and present',
  usage: 'sessions [--from YYYY-MM-DD] [--json]',
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    const fromAt = args.indexOf('--from')
    const from = fromAt >= 0 ? args[fromAt + 1] : undefined
    try {
      const sessions = await app.direct().call('sessions.list', from ? { from } : {})
      if (args.includes('--json')) {
        io.out(JSON.stringify(sessions, null, 2))
        return EXIT.ok
      }
      if (sessions.length === 0) io.out('No session.')
      for (const s of sessions)
        io.out(
          `${s.id}  ${s.startsAt.replace('T', ' ')}  ${s.status.padEnd(9)}  ` +
            `${String(s.invited).padStart(5)} invited ${String(s.attended).padStart(5)} present  ${s.title}`,
        )
      return EXIT.ok
    } catch (error) {
      return reportError(io, error)
    }
  },
}
