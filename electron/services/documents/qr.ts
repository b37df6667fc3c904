import qrcode from 'qrcode-generator'
import type { Doc } from './page'

/**
 * A QR code drawn as vector squares (crisp at any print resolution, a few hundred bytes),
 * error correction M, with its quiet zone. The text is ASCII (a signed payload).
 */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const n = qr.getModuleCount()
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)))
}

export function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const modules = qrModules(text)
  const quiet = 4
  const cell = size / (modules.length + 2 * quiet)
  doc.save()
  modules.forEach((line, r) =>
    line.forEach((dark, c) => {
      // A hair wider than a module, so that no seam shows between neighbours.
      if (dark) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell + 0.02, cell + 0.02)
    }),
  )
  doc.fillColor('#000000').fill()
  doc.restore()
}
