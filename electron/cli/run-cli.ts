import { sessionsCommand } from './commands/sessions'
import { resolve } from 'node:path'
import { openApp, type SijillApp } from '../services/app'
import { FileKeyStore } from '../services/database/key-store'
import { stderrLogger } from '../services/log'
import { defaultDataDir } from '../services/paths'
import { describeStartupError } from '../services/startup-error'
import { APP_VERSION } from '../services/version'
import { EXIT, type CliCommand, type CliIO } from './command'
import { exportCommand } from './commands/export'
import { importCommand } from './commands/import'
import { infoCommand } from './commands/info'
import { searchCommand } from './commands/search'
import { seedCommand } from './commands/seed'
import { settingsCommand } from './commands/settings'
import { verifyCommand } from './commands/verify'
import { backupCommand, restoreCommand } from './commands/backup'
import { auditCommand } from './commands/audit'
import { recoverKeyCommand, recoveryCodeCommand } from './commands/recovery'
import { enrolCommand, syncCommand } from './commands/sync'
import { reportCommand } from './commands/report'
import {
  attendanceSheetCommand,
  handoutCommand,
  sessionReportCommand,
} from './commands/session-materials'
import {
  batchCommand,
  certificateCommand,
  fileSummaryCommand,
  receiptCommand,
} from './commands/print'

export const COMMANDS: readonly CliCommand[] = [
  infoCommand,
  settingsCommand,
  searchCommand,
  seedCommand,
  exportCommand,
  importCommand,
  receiptCommand,
  certificateCommand,
  fileSummaryCommand,
  batchCommand,
  sessionsCommand,
  handoutCommand,
  attendanceSheetCommand,
  sessionReportCommand,
  reportCommand,
  verifyCommand,
  auditCommand,
  enrolCommand,
  syncCommand,
  backupCommand,
  restoreCommand,
  recoveryCodeCommand,
  recoverKeyCommand,
]

const GLOBAL_OPTIONS = [
  '--data-dir DIR   the desk data folder (default: $SIJILL_DATA_DIR or the OS user-data folder)',
  '--lang fr|ar|en  language of messages (default: fr)',
  '--help           this help',
]

function help(io: CliIO): void {
  io.out('Sijill command line — batch and admin work on this desk.')
  io.out('')
  io.out('usage: npm run cli -- [options] COMMAND [ARGS]')
  io.out('')
  io.out('commands:')
  for (const c of COMMANDS)
    io.out(`  ${c.name.padEnd(10)} ${c.summary}\n  ${' '.repeat(10)} ${c.usage}`)
  io.out('')
  io.out('options:')
  for (const o of GLOBAL_OPTIONS) io.out(`  ${o}`)
}

/** Parses global options, opens the desk, runs one command. Returns the exit code. */
export async function runCli(argv: string[], io: Omit<CliIO, 'lang'>): Promise<number> {
  const rest: string[] = []
  let dataDir = defaultDataDir()
  let lang: CliIO['lang'] = 'fr'
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const ownLang = arg === '--lang' && COMMANDS.find((c) => c.name === rest[0])?.ownsLangOption
    if (ownLang) rest.push(arg, argv[++i] ?? '')
    else if (arg === '--data-dir' || arg === '--lang') {
      const value = argv[++i]
      if (value === undefined) {
        io.err(`${arg} needs a value`)
        return EXIT.usage
      }
      if (arg === '--data-dir') dataDir = value
      else if (value === 'fr' || value === 'ar' || value === 'en') lang = value
      else {
        io.err('--lang must be fr, ar or en')
        return EXIT.usage
      }
    } else rest.push(arg)
  }
  const full: CliIO = { ...io, lang, dataDir: resolve(dataDir) }
  const [name, ...args] = rest
  if (name === undefined || name === '--help' || name === 'help' || rest.includes('--help')) {
    help(full)
    return name === undefined ? EXIT.usage : EXIT.ok
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    io.err(`Unknown command "${name}". Run with --help to list the commands.`)
    return EXIT.usage
  }
  let app: SijillApp | null = null
  if (command.needsApp) {
    const dir = resolve(dataDir)
    try {
      app = openApp({
        dataDir: dir,
        keyStore: new FileKeyStore(dir),
        appVersion: APP_VERSION,
        log: stderrLogger('cli'),
      })
    } catch (error) {
      io.err(describeStartupError(error))
      return EXIT.failed
    }
  }
  try {
    return await command.run(args, full, app)
  } finally {
    app?.close()
  }
}
