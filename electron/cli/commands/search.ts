import { formatMoroccanPhone } from '@shared/validation/phone'
import { EXIT, type CliCommand } from '../command'
import { reportError } from '../report-error'

/** `search TEXT`: the counter search from the command line, with its time. */
export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'find artisans by CIN, phone, NIA or any part of a name',
  usage: 'search TEXT [--limit N] [--json]',
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    const json = args.includes('--json')
    const limitAt = args.indexOf('--limit')
    const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 20
    const skipped = new Set(limitAt >= 0 ? [limitAt, limitAt + 1] : [])
    const text = args.filter((a, i) => a !== '--json' && !skipped.has(i)).join(' ')
    if (!text.trim() || !Number.isInteger(limit) || limit < 1 || limit > 200) {
      io.err(`usage: sijill ${this.usage}`)
      return EXIT.usage
    }
    try {
      const result = await app.direct().call('artisans.search', { query: text, limit })
      if (json) {
        io.out(JSON.stringify(result, null, 2))
        return EXIT.ok
      }
      io.out(
        `${result.kind}: ${result.items.length}${result.more ? '+' : ''} found in ${result.tookMs} ms`,
      )
      for (const a of result.items) {
        const name = [a.firstNameLat, a.lastNameLat].filter(Boolean).join(' ')
        const nameAr = [a.firstNameAr, a.lastNameAr].filter(Boolean).join(' ')
        io.out(
          `  ${(a.cin ?? '-').padEnd(9)} ${(a.phone ? formatMoroccanPhone(a.phone) : '-').padEnd(15)} ${name} / ${nameAr} [${a.rnaStatus}]`,
        )
      }
      return EXIT.ok
    } catch (error) {
      return reportError(io, error)
    }
  },
}
