import { filterFromFlags } from '../flag-filter'
import { parseArgs } from 'node:util'
import { AuditFilterSchema } from '@shared/api/methods/audit'
import { openAtomicFile } from '../../services/files/atomic-write'
import { auditTheExport, writeAuditExport } from '../../services/audit/audit-export'
import { translateError as translate } from '../../services/startup-error'
import { EXIT, type CliCommand, type CliIO } from '../command'
import { reportError } from '../report-error'
import type { SijillApp } from '../../services/app'

/**
 * The audit log from the command line: `audit verify` proves the hash chain intact (exit 0)
 * or names its first broken link (exit 1: seq, id, time, and why); `audit export` copies a
 * filtered selection, oldest first, to a CSV or JSON file of any size, written as it is
 * read into a temporary file renamed only once whole (Ctrl+C stops, and leaves no file). The copy is recorded in the log like one made from the screen.
 */
async function verify(io: CliIO, app: SijillApp): Promise<number> {
  const v = await app.direct().call('audit.verify', {})
  if (v.intact) {
    io.out(translate(io.lang, 'audit.cli.intact', { count: v.count }))
    return EXIT.ok
  }
  const b = v.broken
  if (!b) return EXIT.failed
  io.out(translate(io.lang, 'audit.cli.broken', { seq: b.seq, id: b.id ?? '—', at: b.at ?? '—' }))
  const previous = b.previousSeq ?? 0
  io.out(translate(io.lang, `audit.reason.${b.reason}`, { previous }))
  // One line a script can read, whatever the language.
  io.out(
    `broken seq=${b.seq} id=${b.id ?? '-'} at=${b.at ?? '-'} reason=${b.reason} previous=${previous}`,
  )
  return EXIT.failed
}

const FILTERS = {
  from: 'from',
  to: 'to',
  actor: 'actorId',
  artisan: 'artisanId',
  action: 'action',
  'entity-type': 'entityType',
  'entity-id': 'entityId',
  text: 'text',
} as const

function exportLog(args: string[], io: CliIO, app: SijillApp, usage: string): number {
  let values: Record<string, string | undefined>
  try {
    ;({ values } = parseArgs({
      args,
      options: {
        ...Object.fromEntries(Object.keys(FILTERS).map((f) => [f, { type: 'string' as const }])),
        format: { type: 'string', default: 'csv' },
        out: { type: 'string' },
      },
    }) as { values: Record<string, string | undefined> })
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error))
    return EXIT.usage
  }
  const format = values.format
  if ((format !== 'csv' && format !== 'json') || !values.out) {
    io.err(`usage: sijill ${usage}`)
    return EXIT.usage
  }
  const filter = filterFromFlags(values, FILTERS, AuditFilterSchema, io)
  if (!filter) return EXIT.usage
  let stop = false
  const onSignal = () => (stop = true)
  process.once('SIGINT', onSignal)
  const file = openAtomicFile(values.out)
  let kept = false
  try {
    const result = writeAuditExport(app.db, {
      format,
      filter,
      write: (chunk) => file.write(chunk),
      shouldStop: () => stop,
      onProgress: (rows) => rows % 100_000 === 0 && io.err(`  ${rows.toLocaleString('en')} rows`),
    })
    if (result.cancelled) {
      io.err(`stopped early (Ctrl+C): ${values.out} not written`)
      return EXIT.failed
    }
    file.commit()
    kept = true
    auditTheExport(app.db, app.actor(), {
      format,
      filter,
      rows: result.rows,
      via: 'cli',
    })
    io.out(translate(io.lang, 'audit.cli.exported', { count: result.rows, file: values.out }))
    return EXIT.ok
  } finally {
    if (!kept) file.abort()
    process.off('SIGINT', onSignal)
  }
}

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'verify the audit chain, or export the audit log',
  usage:
    'audit verify | audit export --out FILE [--format csv|json] [--from D --to D --actor ID --artisan ID --action A --text T]',
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    const [sub, ...rest] = args
    try {
      if (sub === 'verify' && rest.length === 0) return await verify(io, app)
      if (sub === 'export') return exportLog(rest, io, app, this.usage)
    } catch (error) {
      return reportError(io, error)
    }
    io.err(`usage: sijill ${this.usage}`)
    return EXIT.usage
  },
}
