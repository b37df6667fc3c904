import { writeFileAtomic } from '../../services/files/atomic-write'
import { parseArgs } from 'node:util'
import { REPORT_FORMATS, REPORT_LANGUAGES } from '@shared/reports/report'
import { EXIT, type CliCommand, type CliIO } from '../command'
import { reportError } from '../report-error'
import { translateError } from '../../services/startup-error'

/**
 * `report`: the chamber's monthly or quarterly report to the ministry (issue 8) as a PDF or
 * a workbook, through the same API as the Reports screen (`reports.document`). `--lang` is
 * the report's language; give the messages' language before the command (`sijill --lang ar
 * report …`). The format follows `--out`'s extension unless `--format` says otherwise.
 * Wrong flags are explained in the messages' language, with the usage, and exit 2; a
 * period or province the API refuses exits 1 with its reasons.
 */
const USAGE =
  'report --period YYYY-MM|YYYY-Qn [--lang ar|fr] [--format pdf|xlsx] [--province CODE] --out FILE'

const OPTIONS = {
  period: { type: 'string' },
  lang: { type: 'string' },
  format: { type: 'string' },
  province: { type: 'string' },
  out: { type: 'string' },
} as const

const say = (io: CliIO, key: string, params?: Record<string, string | number>) =>
  translateError(io.lang, `ministryReport.${key}`, params)

/** The first option named in one of node's parseArgs messages ("Unknown option '--x'"). */
function optionIn(message: string): string {
  return /'([^' ]+)/.exec(message)?.[1] ?? message
}

function usage(io: CliIO, message: string): number {
  io.err(message)
  io.err(`usage: sijill ${USAGE}`)
  return EXIT.usage
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: "write the chamber's monthly or quarterly report to the ministry (PDF or XLSX)",
  usage: USAGE,
  needsApp: true,
  ownsLangOption: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    let values: Partial<Record<keyof typeof OPTIONS, string>>
    try {
      values = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const code = (error as { code?: string }).code
      return usage(
        io,
        code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? say(io, 'cli.needsValue', { option: optionIn(message) })
          : say(io, 'cli.unknownOption', { option: optionIn(message) }),
      )
    }
    if (!values.period) return usage(io, say(io, 'cli.required', { option: '--period' }))
    if (!values.out) return usage(io, say(io, 'cli.required', { option: '--out' }))
    const lang = values.lang ?? 'ar'
    if (!(REPORT_LANGUAGES as readonly string[]).includes(lang))
      return usage(
        io,
        say(io, 'cli.choice', { option: '--lang', values: REPORT_LANGUAGES.join(', ') }),
      )
    const format = values.format ?? (/\.xlsx$/i.test(values.out) ? 'xlsx' : 'pdf')
    if (!(REPORT_FORMATS as readonly string[]).includes(format))
      return usage(
        io,
        say(io, 'cli.choice', { option: '--format', values: REPORT_FORMATS.join(', ') }),
      )
    try {
      const file = await app.direct().call('reports.document', {
        period: values.period,
        lang: lang as (typeof REPORT_LANGUAGES)[number],
        format: format as (typeof REPORT_FORMATS)[number],
        ...(values.province ? { provinceCode: values.province } : {}),
      })
      writeFileAtomic(values.out, Buffer.from(file.base64, 'base64'))
      io.out(say(io, 'cli.written', { file: values.out }))
      return EXIT.ok
    } catch (error) {
      return reportError(io, error)
    }
  },
}
