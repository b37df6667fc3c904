import { appError } from '@shared/errors'
import type { PrintPreference } from '@shared/settings/printing'
import { drawPage, openPdf } from './pdf-pages'

/**
 * Printing a PDF the same way on every host: each page drawn at 300 dpi into the print
 * area (shown only on paper, A4 without margins), then the host prints the window —
 * Electron through its print dialog, or silently to the printer chosen in the settings;
 * the browser host through the browser's dialog. The area is emptied at the next print
 * or when the preview closes.
 */
export const MAX_PRINTED_PAGES = 60
const DPI = 300

function area(): HTMLElement {
  let element = document.getElementById('print-area')
  if (!element) {
    element = document.createElement('div')
    element.id = 'print-area'
    element.setAttribute('aria-hidden', 'true')
    document.body.append(element)
  }
  return element
}

export function clearPrintArea(): void {
  const element = document.getElementById('print-area')
  if (!element) return
  for (const img of element.querySelectorAll('img')) URL.revokeObjectURL(img.src)
  element.replaceChildren()
  element.removeAttribute('data-pages')
}

async function pageImage(canvas: HTMLCanvasElement): Promise<HTMLImageElement> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw appError('internal', 'errors.print_failed')
  const img = new Image()
  img.src = URL.createObjectURL(blob)
  img.alt = ''
  await img.decode()
  return img
}

/** Prints the PDF; `onPage` follows the pages being prepared. */
export async function printPdf(
  bytes: Uint8Array,
  preference: PrintPreference,
  onPage?: (done: number, total: number) => void,
): Promise<void> {
  clearPrintArea()
  const pdf = await openPdf(bytes)
  try {
    if (pdf.numPages > MAX_PRINTED_PAGES)
      throw appError('validation', 'errors.print_over_limit', { max: MAX_PRINTED_PAGES })
    const target = area()
    const canvas = document.createElement('canvas')
    for (let n = 1; n <= pdf.numPages; n++) {
      await drawPage(pdf, n, canvas, DPI / 72)
      target.append(await pageImage(canvas))
      onPage?.(n, pdf.numPages)
    }
    target.dataset.pages = String(pdf.numPages)
  } finally {
    void pdf.destroy()
  }
  const host = window.sijill
  if (host?.print) {
    const result = await host.print({
      silent: preference.silent && preference.printer !== null,
      deviceName: preference.printer,
    })
    if (!result.ok && result.reason !== 'cancelled')
      throw appError('internal', 'errors.print_failed_reason', { reason: result.reason ?? '' })
  } else window.print()
}
