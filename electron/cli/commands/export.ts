import { parseArgs } from 'node:util'
import { ListFilterSchema } from '@shared/artisans/list'
import { exportCsv } from '../../services/artisans/export-csv'
import { EXIT, type CliCommand } from '../command'

/** `export --format csv --out FILE [filters]`: the filtered register, with progress; Ctrl+C stops. */
const FILTERS = {
  region: 'regionCode',
  province: 'provinceCode',
  commune: 'communeCode',
  activity: 'activity',
  'actor-type': 'actorType',
  'rna-status': 'rnaStatus',
  'cover-status': 'coverStatus',
  'bank-status': 'bankStatus',
  from: 'createdFrom',
  to: 'createdTo',
} as const

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export the register (filtered) to a file',
  usage: `export --format csv --out FILE [${Object.keys(FILTERS)
    .map((f) => `--${f} X`)
    .join(' ')}]`,
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    const options = Object.fromEntries(
      Object.keys(FILTERS).map((f) => [f, { type: 'string' as const }]),
    )
    let values: Record<string, string | undefined>
    try {
      ;({ values } = parseArgs({
        args,
        options: {
          ...options,
          format: { type: 'string', default: 'csv' },
          out: { type: 'string' },
        },
      }) as { values: Record<string, string | undefined> })
    } catch (error) {
      io.err(error instanceof Error ? error.message : String(error))
      return EXIT.usage
    }
    if (values.format !== 'csv' || !values.out) {
      io.err(`usage: sijill ${this.usage}  (XLSX export comes with the import work)`)
      return EXIT.usage
    }
    const raw = Object.fromEntries(
      Object.entries(FILTERS).flatMap(([flag, key]) => (values[flag] ? [[key, values[flag]]] : [])),
    )
    const filter = ListFilterSchema.safeParse(raw)
    if (!filter.success) {
      io.err(`Invalid filter: ${filter.error.issues.map((i) => i.path.join('.')).join(', ')}`)
      return EXIT.usage
    }
    let stop = false
    const onSignal = () => (stop = true)
    process.once('SIGINT', onSignal)
    try {
      const result = await exportCsv(app.db, values.out, filter.data, {
        shouldStop: () => stop,
        onProgress: (rows) => rows % 100_000 === 0 && io.err(`  ${rows.toLocaleString('en')} rows`),
      })
      io.out(
        `${result.rows} artisans written to ${values.out}${result.cancelled ? ' (stopped early: Ctrl+C)' : ''}`,
      )
      return result.cancelled ? EXIT.failed : EXIT.ok
    } finally {
      process.off('SIGINT', onSignal)
    }
  },
}
