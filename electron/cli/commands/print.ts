import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { EXIT, type CliCommand } from '../command'
import { reportError } from '../report-error'
import { translateError as translate } from '../../services/startup-error'

/**
 * `receipt --artisan ID --out FILE` and `certificate --artisan ID|--nia NIA --out FILE`:
 * a document issued (numbered, recorded, audited) exactly as from the file's screen.
 */
function printCommand(type: 'receipt' | 'certificate'): CliCommand {
  const byNia = type === 'certificate'
  return {
    name: type,
    summary:
      type === 'receipt'
        ? 'print a deposit receipt (PDF)'
        : 'print a registration certificate (PDF)',
    usage: `${type} --artisan ID${byNia ? '|--nia NIA' : ''} --out FILE.pdf`,
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
        writeFileSync(values.out, Buffer.from(printed.base64, 'base64'))
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
