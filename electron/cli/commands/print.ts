import { writeFileAtomic } from '../../services/files/atomic-write'
import { parseArgs } from 'node:util'
import { EXIT, type CliCommand } from '../command'
import { reportError } from '../report-error'
import { printBatch } from '../../services/documents/batch'
import { translateError as translate } from '../../services/startup-error'

/**
 * `receipt --artisan ID --out FILE`, `certificate --artisan ID|--nia NIA --out FILE` and
 * `file-summary --artisan ID|--nia NIA --out FILE`: a document issued (numbered, recorded,
 * audited) exactly as from the file's screen.
 */
const PRINTED = {
  receipt: { name: 'receipt', summary: 'print a deposit receipt (PDF)' },
  certificate: { name: 'certificate', summary: 'print a registration certificate (PDF)' },
  summary: {
    name: 'file-summary',
    summary: "print the artisan's file summary to check and sign (PDF)",
  },
} as const

function printCommand(type: keyof typeof PRINTED): CliCommand {
  const byNia = type !== 'receipt'
  const { name, summary } = PRINTED[type]
  return {
    name,
    summary,
    usage: `${name} --artisan ID${byNia ? '|--nia NIA' : ''} --out FILE.pdf`,
    needsApp: true,
    async run(args, io, app) {
      if (!app) return EXIT.failed
      let values: { artisan?: string; nia?: string; out?: string }
      try {
        ;({ values } = parseArgs({
          args,
          options: {
            artisan: { type: 'string' },
            nia: { type: 'string' },
            out: { type: 'string' },
          },
        }))
      } catch (error) {
        io.err(error instanceof Error ? error.message : String(error))
        return EXIT.usage
      }
      if (!values.out || (!values.artisan && !(byNia && values.nia))) {
        io.err(`usage: sijill ${this.usage}`)
        return EXIT.usage
      }
      try {
        let artisanId = values.artisan
        if (!artisanId && values.nia) {
          const found = await app.direct().call('artisans.search', { query: values.nia })
          artisanId = found.kind === 'nia' ? found.items[0]?.id : undefined
          if (!artisanId) {
            io.err(translate(io.lang, 'errors.artisan_not_found'))
            return EXIT.failed
          }
        }
        const printed = await app
          .direct()
          .call('documents.issue', { artisanId: artisanId as string, type })
        writeFileAtomic(values.out, Buffer.from(printed.base64, 'base64'))
        for (const w of printed.warnings) io.err(translate(io.lang, w))
        io.out(`${printed.number} written to ${values.out}`)
        return EXIT.ok
      } catch (error) {
        return reportError(io, error)
      }
    },
  }
}

export const receiptCommand = printCommand('receipt')
export const certificateCommand = printCommand('certificate')
export const fileSummaryCommand = printCommand('summary')

/** `batch --registered-since DATE [--all] --out FILE.pdf`: certificates by batch, with progress. */
export const batchCommand: CliCommand = {
  name: 'batch',
  summary: 'print the certificates of artisans registered since a date, in one PDF',
  usage: 'batch --registered-since YYYY-MM-DD [--all] --out FILE.pdf',
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    let values: { 'registered-since'?: string; all?: boolean; out?: string }
    try {
      ;({ values } = parseArgs({
        args,
        options: {
          'registered-since': { type: 'string' },
          all: { type: 'boolean' },
          out: { type: 'string' },
        },
      }))
    } catch (error) {
      io.err(error instanceof Error ? error.message : String(error))
      return EXIT.usage
    }
    const since = values['registered-since']
    if (!values.out || !since || !/^\d{4}-\d{2}-\d{2}$/.test(since)) {
      io.err(`usage: sijill ${this.usage}`)
      return EXIT.usage
    }
    let stop = false
    const onSignal = () => (stop = true)
    process.once('SIGINT', onSignal)
    try {
      const result = await printBatch(
        app.db,
        app.actor(),
        { registeredSince: since, withoutCertificate: !values.all },
        {
          shouldStop: () => stop,
          onProgress: (done, total) => done % 50 === 0 && io.err(`  ${done} / ${total}`),
        },
      )
      if (result.pages > 0) writeFileAtomic(values.out, result.pdf)
      for (const w of result.warnings) io.err(translate(io.lang, w))
      io.out(
        `${result.pages} certificates${result.pages > 0 ? ` written to ${values.out}` : ''}${result.cancelled ? ' (stopped early: Ctrl+C)' : ''}`,
      )
      return result.cancelled ? EXIT.failed : EXIT.ok
    } catch (error) {
      return reportError(io, error)
    } finally {
      process.off('SIGINT', onSignal)
    }
  },
}
