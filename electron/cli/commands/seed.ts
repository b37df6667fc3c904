import { parseArgs } from 'node:util'
import { seedArtisans } from '../../services/seed/generate'
import { EXIT, type CliCommand } from '../command'

/** `seed --artisans N [--seed S]`: deterministic realistic artisans, with progress; Ctrl+C stops cleanly. */
export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'generate realistic artisans for demos, training and benchmarks',
  usage: 'seed --artisans N [--seed S]',
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    let values: { artisans?: string; seed?: string }
    try {
      ;({ values } = parseArgs({
        args,
        options: { artisans: { type: 'string' }, seed: { type: 'string', default: '1' } },
      }))
    } catch (error) {
      io.err(error instanceof Error ? error.message : String(error))
      return EXIT.usage
    }
    const count = Number(values.artisans)
    const seed = Number(values.seed)
    if (!Number.isInteger(count) || count < 1 || count > 5_000_000 || !Number.isInteger(seed)) {
      io.err('usage: seed --artisans N (1 to 5,000,000) [--seed S (integer)]')
      return EXIT.usage
    }
    let stop = false
    const onSignal = () => (stop = true)
    process.once('SIGINT', onSignal)
    const started = Date.now()
    try {
      const { inserted } = seedArtisans(app.db, app.actor(), {
        count,
        seed,
        shouldStop: () => stop,
        onProgress: (done, total) =>
          io.err(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`),
      })
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      io.out(`${inserted} artisans added in ${seconds} s${stop ? ' (stopped early: Ctrl+C)' : ''}`)
      return EXIT.ok
    } finally {
      process.off('SIGINT', onSignal)
    }
  },
}
