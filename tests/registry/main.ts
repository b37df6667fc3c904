import { parseArgs } from 'node:util'
import { RejectRuleSchema, type RejectRule } from './options'
import { startRegistry } from './server'

/**
 * `npm run registry -- --port N --data DIR [--review-delay-ms N] [--reject cin-prefix:ZZ]
 * [--reject birth-before:1950-01-01] [--min-client-version X] [--chamber 09 …]`
 * Starts the reference registry for a demo or a training session. Prints its address, the
 * admin token and one fresh enrolment token per --chamber, one per line; requests are
 * logged on stderr. Stops cleanly on Ctrl+C (SIGINT) or SIGTERM.
 */
const USAGE =
  'usage: npm run registry -- --data DIR [--port 5810] [--review-delay-ms 2000]\n' +
  '       [--reject cin-prefix:ZZ] [--reject birth-before:1950-01-01]\n' +
  '       [--min-client-version 0.1.0] [--chamber 09 …]'

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`)
  process.exit(2)
}

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  if (!/^\d+$/.test(raw)) fail(`--${name}: a whole number, not "${raw}"`)
  return Number(raw)
}

function rejectRule(raw: string): RejectRule {
  const at = raw.indexOf(':')
  const parsed = RejectRuleSchema.safeParse({ kind: raw.slice(0, at), value: raw.slice(at + 1) })
  if (at < 0 || !parsed.success)
    fail(`--reject ${raw}: expected cin-prefix:LETTERS or birth-before:YYYY-MM-DD`)
  return parsed.data
}

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        'review-delay-ms': { type: 'string' },
        reject: { type: 'string', multiple: true },
        'min-client-version': { type: 'string' },
        chamber: { type: 'string', multiple: true },
        help: { type: 'boolean' },
      },
    }))
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  if (!values.data) fail('--data DIR is required')
  for (const chamber of values.chamber ?? [])
    if (!/^(0[1-9]|1[0-2])$/.test(chamber)) fail(`--chamber ${chamber}: a region code, 01 to 12`)
  const registry = await startRegistry({
    port: integer('port', values.port, 5810),
    dataDir: values.data,
    reviewDelayMs: integer('review-delay-ms', values['review-delay-ms'], 2000),
    rejectRules: (values.reject ?? []).map(rejectRule),
    ...(values['min-client-version'] ? { minClientVersion: values['min-client-version'] } : {}),
    log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
  })
  const lines = [`Sijill registry: ${registry.url}`, `Admin token: ${registry.adminToken}`]
  for (const chamber of values.chamber ?? [])
    lines.push(`Enrolment token for chamber ${chamber}: ${registry.createEnrolmentToken(chamber)}`)
  process.stdout.write(`${lines.join('\n')}\n`)

  const stop = (signal: string) => {
    process.stderr.write(`${signal}: stopping the registry\n`)
    void registry.close().then(() => process.exit(0))
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  process.stderr.write(`Sijill registry: ${error instanceof Error ? error.message : error}\n`)
  process.exit(1)
})
