import type * as PdfJs from 'pdfjs-dist'
import type { PDFDocumentProxy } from 'pdfjs-dist'

/**
 * PDF pages drawn by pdf.js (loaded on first use, its worker a file of our own origin, no
 * eval): the same picture in Electron and in the browser host, for the preview and for
 * printing. The desk's PDFs embed their fonts, so nothing depends on the system's.
 */
let library: Promise<typeof PdfJs> | null = null

function pdfjs() {
  library ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = new URL(
      'pdfjs-dist/build/pdf.worker.min.mjs',
      import.meta.url,
    ).toString()
    return lib
  })
  return library
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs()
  // pdf.js takes the buffer over (transfers it to its worker): give it a copy.
  return lib.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise
}

/** Draws one page (1-based) into a canvas at `scale` (1 = 72 dpi). */
export async function drawPage(
  pdf: PDFDocumentProxy,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  scale: number,
): Promise<void> {
  const page = await pdf.getPage(pageNumber)
  const viewport = page.getViewport({ scale })
  canvas.width = Math.floor(viewport.width)
  canvas.height = Math.floor(viewport.height)
  await page.render({ canvas, viewport }).promise
  page.cleanup()
}
