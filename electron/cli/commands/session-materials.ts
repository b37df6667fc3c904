import { writeFileAtomic } from '../../services/files/atomic-write'
import { parseArgs } from 'node:util'
import { EXIT, type CliCommand, type CliIO } from '../command'
import { reportError } from '../report-error'
import type { SijillApp } from '../../services/app'

/**
 * `handout`, `attendance-sheet` and `session-report`: the printed materials of awareness
 * sessions (issue 6) as PDF files, through the same API as the Sessions screen. Their
 * `--lang` is the document's language (Amazigh included for handouts); give the
 * messages' language before the command (`sijill --lang ar handout …`).
 */
type Options = Record<string, { type: 'string' | 'boolean' }>
type Values = Record<string, string | boolean | undefined>

function parse(args: string[], options: Options, io: CliIO): Values | null {
  try {
    return parseArgs({ args, options }).values as Values
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error))
    return null
  }
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return allowed.includes(value as T) ? (value as T) : null
}

async function write(
  io: CliIO,
  out: string,
  make: () => Promise<{ fileName: string; base64: string }>,
): Promise<number> {
  try {
    const file = await make()
    writeFileAtomic(out, Buffer.from(file.base64, 'base64'))
    io.out(`${file.fileName} written to ${out}`)
    return EXIT.ok
  } catch (error) {
    return reportError(io, error)
  }
}

function command(
  name: string,
  summary: string,
  usage: string,
  options: Options,
  run: (v: Values, app: SijillApp, io: CliIO) => Promise<number> | null,
): CliCommand {
  return {
    name,
    summary,
    usage,
    needsApp: true,
    ownsLangOption: true,
    async run(args, io, app) {
      if (!app) return EXIT.failed
      const values = parse(args, options, io)
      const ran = values && typeof values.out === 'string' ? run(values, app, io) : null
      if (!ran) {
        io.err(`usage: sijill ${usage}`)
        return EXIT.usage
      }
      return ran
    },
  }
}

const SHEET_LANGS = ['ar', 'fr'] as const

export const handoutCommand = command(
  'handout',
  'print a session handout on the RNA or AMO (PDF), in Arabic, Amazigh or French',
  'handout --topic rna|amo --lang ar|zgh|fr [--size a4|a5] [--session ID] --out FILE.pdf',
  {
    topic: { type: 'string' },
    lang: { type: 'string' },
    size: { type: 'string' },
    session: { type: 'string' },
    out: { type: 'string' },
  },
  (v, app, io) => {
    const topic = oneOf(v.topic, ['rna', 'amo'] as const)
    const lang = oneOf(v.lang, ['ar', 'zgh', 'fr'] as const)
    const size = oneOf(v.size ?? 'a4', ['a4', 'a5'] as const)
    if (!topic || !lang || !size) return null
    const sessionId = typeof v.session === 'string' ? v.session : null
    return write(io, v.out as string, () =>
      app.direct().call('handouts.print', { topic, lang, size, sessionId }),
    )
  },
)

export const attendanceSheetCommand = command(
  'attendance-sheet',
  "print a session's attendance sheet to sign (PDF), invitees first, then blank rows",
  'attendance-sheet --session ID [--lang ar|fr] [--blank N] --out FILE.pdf',
  {
    session: { type: 'string' },
    lang: { type: 'string' },
    blank: { type: 'string' },
    out: { type: 'string' },
  },
  (v, app, io) => {
    const lang = oneOf(v.lang ?? 'ar', SHEET_LANGS)
    const blankRows = v.blank === undefined ? 15 : Number(v.blank)
    if (typeof v.session !== 'string' || !lang || !Number.isInteger(blankRows)) return null
    const sessionId = v.session
    return write(io, v.out as string, () =>
      app.direct().call('sessions.attendanceSheet', { sessionId, lang, blankRows }),
    )
  },
)

export const sessionReportCommand = command(
  'session-report',
  "print a session's report: partners, attendance, outcomes after 30 and 90 days (PDF)",
  'session-report --session ID [--lang ar|fr] --out FILE.pdf',
  { session: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' } },
  (v, app, io) => {
    const lang = oneOf(v.lang ?? 'ar', SHEET_LANGS)
    if (typeof v.session !== 'string' || !lang) return null
    const sessionId = v.session
    return write(io, v.out as string, () =>
      app.direct().call('sessions.report', { sessionId, lang }),
    )
  },
)
