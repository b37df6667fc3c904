import { create, type QRCodeMaskPattern } from 'qrcode'
import { bestMask } from './qr-mask'
import type { Doc } from './page'

/**
 * A QR code drawn as vector squares (crisp at any print resolution, a few hundred bytes),
 * error correction M, with its quiet zone. The text is ASCII (a signed payload): it goes
 * as one byte-mode segment (no search for a shorter mix of modes), and the symbol is
 * built by `qrcode` with the mask qr-mask.ts chooses by the standard's rules.
 */
export interface QrModules {
  size: number
  /** 1 for a dark module, row by row. */
  dark: Uint8Array
}

export function qrModules(text: string): QrModules {
  const segments = [{ data: Buffer.from(text, 'utf8'), mode: 'byte' as const }]
  const first = create(segments, { errorCorrectionLevel: 'M', maskPattern: 0 })
  const m = first.modules
  const mask = bestMask(m.data, m.reservedBit, m.size, 0) as QRCodeMaskPattern
  const { modules } =
    mask === 0 ? first : create(segments, { errorCorrectionLevel: 'M', maskPattern: mask })
  return { size: modules.size, dark: modules.data }
}

const num = (n: number) => String(Math.round(n * 1e4) / 1e4)

/**
 * Draws the code with its top-left corner at (x, y), `size` points wide: one rectangle per
 * horizontal run of dark modules, written as one path (a batch draws thousands of codes).
 */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const { size: n, dark } = qrModules(text)
  const quiet = 4
  const cell = size / (n + 2 * quiet)
  const path: string[] = []
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      if (!dark[r * n + c]) continue
      const start = c
      while (c + 1 < n && dark[r * n + c + 1]) c++
      // A hair wider and taller than the run, so that no seam shows between neighbours.
      path.push(
        `${num(x + (start + quiet) * cell)} ${num(y + (r + quiet) * cell)} ${num((c - start + 1) * cell + 0.02)} ${num(cell + 0.02)} re`,
      )
    }
  doc.save()
  doc.fillColor('#000000')
  ;(doc as unknown as { addContent(data: string): unknown }).addContent(`${path.join('\n')}\nf`)
  doc.restore()
}
