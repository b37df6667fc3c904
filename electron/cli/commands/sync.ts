import { parseArgs } from 'node:util'
import { EXIT, type CliCommand, type CliIO } from '../command'
import { formatInstant } from '@shared/text/dates'
import { reportError } from '../report-error'
import type { SijillApp } from '../../services/app'
import { translateError as translate } from '../../services/startup-error'

/**
 * The desk and the national registry from the command line:
 * `enrol --registry URL --chamber CODE --token T` (once, by an administrator),
 * `sync --once` (one sync, then exit: 0 done, 1 failed), `sync` (every minute until
 * Ctrl+C), `sync status` (what the Sync page shows).
 */
export const enrolCommand: CliCommand = {
  name: 'enrol',
  summary: 'enrol this desk with the national registry (once)',
  usage: 'enrol --registry URL --chamber CODE --token TOKEN',
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    let values: { registry?: string; chamber?: string; token?: string }
    try {
      ;({ values } = parseArgs({
        args,
        options: {
          registry: { type: 'string' },
          chamber: { type: 'string' },
          token: { type: 'string' },
        },
      }))
    } catch (error) {
      io.err((error as Error).message)
      return EXIT.usage
    }
    if (!values.registry || !values.chamber || !values.token) {
      io.err(`usage: sijill ${this.usage}`)
      return EXIT.usage
    }
    try {
      const r = await app.direct().call('sync.enrol', {
        registryUrl: values.registry,
        chamberCode: values.chamber,
        enrolmentToken: values.token,
      })
      io.out(translate(io.lang, 'sync.enrolled', { deskCode: r.deskCode, chamber: r.chamberCode }))
      return EXIT.ok
    } catch (error) {
      return reportError(io, error)
    }
  },
}

async function syncOnce(io: CliIO, app: SijillApp): Promise<number> {
  try {
    const { progress } = await app.direct().call('sync.now', { wait: true })
    const p = progress
    if (p)
      io.out(
        translate(io.lang, 'sync.cliDone', {
          applied: p.push.applied,
          rejected: p.push.rejected,
          conflicts: p.push.conflicts,
          received: p.pull.created + p.pull.updated + p.pull.deleted,
        }),
      )
    return EXIT.ok
  } catch (error) {
    return reportError(io, error)
  }
}

async function status(io: CliIO, app: SijillApp, json: boolean): Promise<number> {
  const s = await app.direct().call('sync.status', {})
  if (json) {
    io.out(JSON.stringify(s, null, 2))
    return EXIT.ok
  }
  if (!s.enrolled) {
    io.out(translate(io.lang, 'errors.sync_not_enrolled'))
    return EXIT.ok
  }
  io.out(`registry     ${s.registryUrl}`)
  io.out(`desk         ${s.deskCode} (chamber ${s.chamberCode})`)
  io.out(`last success ${s.lastSuccessAt ?? '—'}`)
  if (s.lastRun && !s.lastRun.ok && s.lastRun.error) {
    io.out(`last error   ${translate(io.lang, s.lastRun.error.key, s.lastRun.error.params)}`)
    const advice = translate(io.lang, `${s.lastRun.error.key}_advice`)
    if (advice !== `${s.lastRun.error.key}_advice`) io.out(`what to do   ${advice}`)
    const { registryCode, registryMessage } = s.lastRun.error.params
    if (registryCode !== undefined || registryMessage !== undefined)
      io.out(`details      ${[registryCode, registryMessage].filter(Boolean).join(' — ')}`)
  }
  io.out(`pending      ${s.pending}`)
  io.out(`rejected     ${s.rejected}`)
  io.out(`conflicts    ${s.conflicts}`)
  return EXIT.ok
}

/** The sync log as the Sync page shows it: repeated lines folded, `--attention` only what needs a look. */
async function showLog(io: CliIO, app: SijillApp, args: string[]): Promise<number> {
  const lines = await app
    .direct()
    .call('sync.log', { limit: 50, attention: args.includes('--attention') })
  if (args.includes('--json')) {
    io.out(JSON.stringify(lines, null, 2))
    return EXIT.ok
  }
  /** A plural sentence: the form the language's rules pick for `count`. */
  const plural = (key: string, count: number, since: string) =>
    translate(io.lang, `${key}_${new Intl.PluralRules(io.lang).select(count)}`, {
      count,
      since: formatInstant(since),
    })
  for (const line of lines) {
    const mark = line.attention ? '!' : ' '
    const text =
      line.key === 'sync.log.quiet'
        ? plural(line.key, line.count, line.since)
        : translate(io.lang, line.key, line.params) +
          (line.count > 1 ? ` — ${plural('sync.log.repeated', line.count, line.since)}` : '')
    io.out(`${formatInstant(line.at)} ${mark} ${text}`)
  }
  return EXIT.ok
}

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'sync with the national registry (once, continuously, or its status)',
  usage: 'sync [--once] | sync status [--json] | sync log [--attention] [--json]',
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    if (args[0] === 'status') return status(io, app, args.includes('--json'))
    if (args[0] === 'log') return showLog(io, app, args.slice(1))
    if (args.includes('--once')) return syncOnce(io, app)
    if (args.length) {
      io.err(`usage: sijill ${this.usage}`)
      return EXIT.usage
    }
    let stopped = false
    const stop = () => {
      stopped = true
      app.sync.stop()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    while (!stopped) {
      await syncOnce(io, app)
      for (let waited = 0; waited < 60 && !stopped; waited++)
        await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    return EXIT.ok
  },
}
