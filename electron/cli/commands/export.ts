import { filterFromFlags } from '../flag-filter'
import { parseArgs } from 'node:util'
import { ListFilterSchema } from '@shared/artisans/list'
import { writeAtomically } from '../../services/files/atomic-write'
import { EXPORT_FORMATS, exportRegister, type ExportFormat } from '../../services/artisans/export'
import { EXIT, type CliCommand } from '../command'

/**
 * `export --format csv|xlsx --out FILE [filters]`: the filtered register, headers and
 * names in the CLI's language (`--lang`), with progress; Ctrl+C stops. The filters are the
 * artisans list's columns (`--branch P01`, `--sex F`, `--born-from/--born-to YYYY-MM-DD`,
 * `--from/--to` for the creation day). What happened in a period (a path step, a
 * certificate, a session: the dashboard's drill-down) is chosen on the screen. The file
 * is written beside FILE under a temporary name and renamed only once whole: stopped
 * (Ctrl+C, a kill, a power cut), it leaves no file, or the one that was there before.
 */
const FILTERS = {
  region: 'regionCode',
  province: 'provinceCode',
  commune: 'communeCode',
  activity: 'activity',
  branch: 'branch',
  'actor-type': 'actorType',
  sex: 'sex',
  'born-from': 'bornFrom',
  'born-to': 'bornTo',
  'rna-status': 'rnaStatus',
  'cover-status': 'coverStatus',
  'bank-status': 'bankStatus',
  from: 'createdFrom',
  to: 'createdTo',
} as const

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export the register (filtered) to a file',
  usage: `export --format csv|xlsx --out FILE [${Object.keys(FILTERS)
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
    const format = values.format as ExportFormat
    if (!EXPORT_FORMATS.includes(format) || !values.out) {
      io.err(`usage: sijill ${this.usage}`)
      return EXIT.usage
    }
    const filter = filterFromFlags(values, FILTERS, ListFilterSchema, io)
    if (!filter) return EXIT.usage
    let stop = false
    const onSignal = () => (stop = true)
    process.once('SIGINT', onSignal)
    const out = values.out
    try {
      const result = await writeAtomically(
        out,
        (write) =>
          exportRegister(app.db, {
            format,
            filter,
            language: io.lang,
            write,
            shouldStop: () => stop,
            onProgress: (rows) =>
              rows % 100_000 === 0 && io.err(`  ${rows.toLocaleString('en')} rows`),
          }),
        { keep: (r) => !r.cancelled },
      )
      io.out(
        result.cancelled
          ? `stopped early (Ctrl+C): ${out} not written`
          : `${result.rows} artisans written to ${out}`,
      )
      return result.cancelled ? EXIT.failed : EXIT.ok
    } finally {
      process.off('SIGINT', onSignal)
    }
  },
}
