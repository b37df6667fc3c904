import { EXIT, type CliCommand } from '../command'
import { reportError } from '../report-error'
import { translateError as translate } from '../../services/startup-error'

/**
 * `verify TEXT`: what a certificate's QR code says, offline (the text a scanner reads).
 * Exit 0 when valid, 1 when invalid or cancelled.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: "check a certificate's QR code text, offline",
  usage: 'verify TEXT [--json]',
  needsApp: true,
  async run(args, io, app) {
    if (!app) return EXIT.failed
    const json = args.includes('--json')
    const text = args.filter((a) => a !== '--json').join('')
    if (!text.trim()) {
      io.err(`usage: sijill ${this.usage}`)
      return EXIT.usage
    }
    try {
      const v = await app.direct().call('documents.verify', { text })
      if (json) io.out(JSON.stringify(v, null, 2))
      else {
        const heading = { valid: 'valid', invalid: 'invalid', cancelled: 'cancelledDoc' }[v.status]
        io.out(`${v.status}: ${translate(io.lang, `documents.${heading}`)}`)
        if (v.status === 'invalid')
          io.out(`  ${translate(io.lang, `documents.reason_${v.reason}`)}`)
        else {
          io.out(
            `  ${v.number} · NIA ${v.nia} · ${v.name}${v.nameAr ? ` / ${v.nameAr}` : ''} · ${v.issuedOn}`,
          )
          io.out(`  key ${v.keyId}${v.cancelReason ? ` · ${v.cancelReason}` : ''}`)
        }
      }
      return v.status === 'valid' ? EXIT.ok : EXIT.failed
    } catch (error) {
      return reportError(io, error)
    }
  },
}
