import { EXIT, type CliCommand } from '../command'
import { reportError } from '../report-error'

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'versions, data folder, schema version and row counts',
  usage: 'info [--json]',
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    try {
      const info = await app.direct().call('system.info', {})
      if (args.includes('--json')) {
        io.out(JSON.stringify(info, null, 2))
        return EXIT.ok
      }
      io.out(`Sijill ${info.appVersion}`)
      io.out(
        `  node ${info.node}, electron ${info.electron ?? '(not running)'}, sqlite ${info.sqlite}`,
      )
      io.out(`  cipher      ${info.cipher}`)
      io.out(`  data folder ${info.dataDir}`)
      io.out(`  database    ${info.databaseFile}`)
      io.out(`  key         ${info.keyStorage}`)
      io.out(`  schema      version ${info.schemaVersion}`)
      for (const [name, count] of Object.entries(info.counts))
        io.out(`  ${name.padEnd(14)}${count}`)
      return EXIT.ok
    } catch (error) {
      return reportError(io, error)
    }
  },
}
