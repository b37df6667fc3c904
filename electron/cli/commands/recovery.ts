import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { FileKeyStore } from '../../services/database/key-store'
import { restoreKey } from '../../services/database/recovery'
import { defaultDataDir } from '../../services/paths'
import { translateError as translate } from '../../services/startup-error'
import { EXIT, type CliCommand, type CliIO } from '../command'
import { reportError } from '../report-error'

/**
 * The database key's recovery code from the command line (docs/security.md):
 * `recover-key --code CODE` puts back a lost key (the desk cannot open, so it runs
 * without opening it), `recovery-code` says whether a code exists, `--new` prints a new
 * one (the old stops working), `--check CODE` tells whether a printed code still works.
 */
function options(
  args: string[],
  io: CliIO,
  spec: Record<string, { type: 'string' | 'boolean' }>,
): Record<string, string | boolean | undefined> | null {
  try {
    return parseArgs({ args, options: spec }).values
  } catch (error) {
    io.err((error as Error).message)
    return null
  }
}

export const recoverKeyCommand: CliCommand = {
  name: 'recover-key',
  summary: "put back the database key lost by this desk's key store, with the recovery code",
  usage: 'recover-key --code CODE',
  needsApp: false,
  async run(args, io) {
    const values = options(args, io, { code: { type: 'string' } })
    if (!values) return EXIT.usage
    if (typeof values.code !== 'string' || values.code === '') {
      io.err(`usage: sijill ${this.usage}`)
      return EXIT.usage
    }
    const dir = resolve(io.dataDir ?? defaultDataDir())
    const store = new FileKeyStore(dir)
    try {
      const { schemaVersion } = restoreKey(dir, values.code, store)
      io.out(translate(io.lang, 'recovery.cli.recovered', { version: schemaVersion }))
      io.out(translate(io.lang, 'recovery.cli.written', { where: store.description }))
      if (existsSync(join(dir, 'sijill.key.sealed')))
        io.out(translate(io.lang, 'recovery.cli.desktopWillSeal'))
      io.out(translate(io.lang, 'recovery.cli.makeNew'))
      return EXIT.ok
    } catch (error) {
      return reportError(io, error)
    }
  },
}

export const recoveryCodeCommand: CliCommand = {
  name: 'recovery-code',
  summary: "the database key's recovery code: status, a new one, or check a printed one",
  usage: 'recovery-code [--new | --check CODE]',
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    const values = options(args, io, { new: { type: 'boolean' }, check: { type: 'string' } })
    if (!values) return EXIT.usage
    if (values.new && values.check !== undefined) {
      io.err(`usage: sijill ${this.usage}`)
      return EXIT.usage
    }
    const api = app.direct()
    try {
      if (values.new) {
        const { code } = await api.call('recovery.regenerate', {})
        io.out(code)
        io.err(translate(io.lang, 'recovery.cli.newCode'))
        return EXIT.ok
      }
      if (typeof values.check === 'string') {
        const { ok } = await api.call('recovery.verify', { code: values.check })
        io.out(translate(io.lang, ok ? 'recovery.cli.checkOk' : 'errors.recovery_code_wrong'))
        return ok ? EXIT.ok : EXIT.failed
      }
      const status = await api.call('recovery.status', {})
      if (!status.exists) io.out(translate(io.lang, 'recovery.cli.none'))
      else if (!status.matchesKey) io.out(translate(io.lang, 'recovery.cli.stale'))
      else io.out(translate(io.lang, 'recovery.cli.exists', { date: status.createdAt ?? '' }))
      return status.exists && status.matchesKey ? EXIT.ok : EXIT.failed
    } catch (error) {
      return reportError(io, error)
    }
  },
}
