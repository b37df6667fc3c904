import { parseArgs } from 'node:util'
import { seedArtisans, seedRegion } from '../../services/seed/generate'
import { regionExists } from '../../services/reference/regions'
import { EXIT, type CliCommand } from '../command'

const USAGE =
  'usage: seed --artisans N (1 to 5,000,000) [--seed S (integer)] [--region RR | --all-regions]'

/**
 * `seed --artisans N [--seed S] [--region RR | --all-regions]`: deterministic realistic
 * artisans, with progress; Ctrl+C stops cleanly. The files go to the chamber's own region
 * unless another region, or every region (a national-size register), is asked for.
 */
export const seedCommand: CliCommand = {
  name: 'seed',
  summary: "generate realistic artisans (the chamber's region) for demos, training and benchmarks",
  usage: 'seed --artisans N [--seed S] [--region RR | --all-regions]',
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    let values: { artisans?: string; seed?: string; region?: string; 'all-regions'?: boolean }
    try {
      ;({ values } = parseArgs({
        args,
        options: {
          artisans: { type: 'string' },
          seed: { type: 'string', default: '1' },
          region: { type: 'string' },
          'all-regions': { type: 'boolean' },
        },
      }))
    } catch (error) {
      io.err(error instanceof Error ? error.message : String(error))
      io.err(USAGE)
      return EXIT.usage
    }
    const count = Number(values.artisans)
    const seed = Number(values.seed)
    if (!Number.isInteger(count) || count < 1 || count > 5_000_000 || !Number.isInteger(seed)) {
      io.err(USAGE)
      return EXIT.usage
    }
    if (values.region !== undefined && values['all-regions']) {
      io.err('--region and --all-regions exclude each other')
      io.err(USAGE)
      return EXIT.usage
    }
    if (values.region !== undefined && !regionExists(app.db, values.region)) {
      io.err(`unknown region: ${values.region} (a code from 01 to 12)`)
      return EXIT.usage
    }
    const region = seedRegion(app.db, values['all-regions'] ? 'all' : values.region)
    const where = region === null ? 'every region' : `region ${region}`
    let stop = false
    const onSignal = () => (stop = true)
    process.once('SIGINT', onSignal)
    const started = Date.now()
    try {
      const { inserted } = seedArtisans(app.db, app.actor(), {
        count,
        seed,
        region: region ?? 'all',
        shouldStop: () => stop,
        onProgress: (done, total) =>
          io.err(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`),
      })
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      io.out(
        `${inserted} artisans added in ${seconds} s (${where})${stop ? ' (stopped early: Ctrl+C)' : ''}`,
      )
      return EXIT.ok
    } finally {
      process.off('SIGINT', onSignal)
    }
  },
}
