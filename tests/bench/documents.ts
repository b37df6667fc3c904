import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from '@playwright/test'
import type { SijillApp } from '../../electron/services/app'
import { printBatch } from '../../electron/services/documents/batch'
import {
  renderCertificate,
  type CertificateContent,
} from '../../electron/services/documents/certificate'
import { chamberOf, recordIssue } from '../../electron/services/documents/issue'
import { fontsDir } from '../../electron/services/documents/layout/fonts'
import type { Chamber } from '../../electron/services/documents/page'
import { seedArtisans } from '../../electron/services/seed/generate'
import { certificateHtml } from './certificate-html'
import type { Figure } from './figures'
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium'

/**
 * Document printing against docs/architecture.md, Performance budgets and issue 4: one certificate PDF at least 5× the
 * throughput of Chromium's `page.pdf()` for the same certificate, measured side by side in
 * this run; batch printing at least 150 pages/s; a certificate file at most 60 KB.
 */
const BATCH_ARTISANS = 1200 // about 62% of seeded artisans are registered: some 750 pages
const log = (m: string) => process.stderr.write(`${m}\n`)

/**
 * A real certificate's content for a registered artisan of the bench register, built by
 * recordIssue itself (number, names, signed QR code) so that both renderers print what a
 * desk prints. Its writes (number, document, audit, the artisan's mark) are rolled back:
 * the cached register stays as seeded.
 */
function sampleCertificate(app: SijillApp): CertificateContent {
  const id = app.db
    .prepare(
      `SELECT id FROM artisan WHERE rna_status = 'registered' AND nia IS NOT NULL
         AND deleted_at IS NULL AND main_activity IS NOT NULL AND commune_code IS NOT NULL
       ORDER BY num LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined
  if (!id) throw new Error('no registered artisan with an NIA in the bench register')
  app.db.exec('BEGIN')
  try {
    return JSON.parse(recordIssue(app.db, app.actor(), id, 'certificate').contentJson)
  } finally {
    app.db.exec('ROLLBACK')
  }
}

/**
 * Runs per second of `run`, in a warm process: a few runs first (fonts parsed, code
 * compiled), then as many as fit in `seconds` (at most `max`).
 */
async function rate(run: () => Promise<unknown>, seconds = 3, max = 200): Promise<number> {
  for (let i = 0; i < 5; i++) await run()
  const started = process.hrtime.bigint()
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9
  let runs = 0
  while (runs < max && elapsed() < seconds) {
    await run()
    runs++
  }
  return runs / elapsed()
}

/**
 * The same certificate printed by Chromium: one browser, one page, `setContent` + `pdf()`
 * per certificate. The fonts are file:// URLs from a file:// page, as an app would load
 * its own resources, so Chromium keeps them decoded between documents (inlined as data
 * URLs, each document would carry 2 MB of base64 and Chromium's figure would drop
 * severalfold, flattering Sijill).
 */
async function chromiumRate(c: CertificateContent, chamber: Chamber, keep: string) {
  const dir = mkdtempSync(join(tmpdir(), 'sijill-bench-'))
  const fonts = fontsDir()
  const html = certificateHtml(c, chamber, (file) => pathToFileURL(join(fonts, file)).href)
  writeFileSync(join(dir, 'certificate.html'), html)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  })
  try {
    const page = await browser.newPage()
    await page.goto(pathToFileURL(join(dir, 'certificate.html')).href)
    const print = async () => {
      await page.setContent(html)
      return page.pdf({ format: 'A4', printBackground: true })
    }
    // Kept beside the other, to see that the two are the same page.
    writeFileSync(keep, await print())
    const missing = await page.evaluate(() => {
      const failed: string[] = []
      document.fonts.forEach((f) => f.status === 'error' && failed.push(f.family))
      return failed
    })
    if (missing.length) throw new Error(`Chromium could not load ${missing.join(', ')}`)
    return await rate(print)
  } finally {
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** One certificate, Sijill against Chromium, and the size of Sijill's file. */
async function certificateFigures(app: SijillApp, benchDir: string): Promise<Figure[]> {
  const content = sampleCertificate(app)
  const chamber = chamberOf(app.db)
  const { pdf } = await renderCertificate(content, chamber, 0)
  writeFileSync(join(benchDir, 'certificate-sijill.pdf'), pdf)
  // Sijill first, before the browser starts, so that neither run shares the CPU with the other.
  const sijill = await rate(() => renderCertificate(content, chamber, 0))
  const browser = await chromiumRate(content, chamber, join(benchDir, 'certificate-chromium.pdf'))
  const throughput = (name: string, value: number): Figure => ({
    name: `certificate PDF: ${name} throughput`,
    value,
    unit: 'certificates/s',
    budget: null,
    lowerIsBetter: false,
  })
  return [
    throughput('Sijill (pdfkit)', sijill),
    throughput('Chromium page.pdf()', browser),
    {
      name: 'certificate PDF: Sijill / Chromium throughput',
      value: sijill / browser,
      unit: '×',
      budget: 5,
      lowerIsBetter: false,
    },
    // Fonts subset: the file carries only the glyphs it uses (issue 4).
    {
      name: 'certificate file size',
      value: pdf.length / 1000,
      unit: 'KB',
      budget: 60,
      lowerIsBetter: true,
    },
  ]
}

/**
 * Batch printing of every registered artisan of a fresh desk (a batch issues and records
 * each certificate, so it does not run on the cached register). Only printBatch is timed.
 */
async function batchFigure(desk: SijillApp): Promise<Figure> {
  seedArtisans(desk.db, desk.actor(), { count: BATCH_ARTISANS, seed: 2027 })
  const started = process.hrtime.bigint()
  const { pages, warnings } = await printBatch(desk.db, desk.actor(), {
    registeredSince: '2000-01-01',
    withoutCertificate: true,
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  log(`batch: ${pages} pages${warnings.length ? `, warnings: ${warnings.join(', ')}` : ''}`)
  return {
    name: `batch printing of ${pages} certificates`,
    value: pages / seconds,
    unit: 'pages/s',
    budget: 150,
    lowerIsBetter: false,
  }
}

/**
 * The document figures: `app` is the bench register (left as it was), `freshDesk` gives an
 * empty desk for the batch, closed here. The two PDFs compared are left in `benchDir`.
 */
export async function documentFigures(
  app: SijillApp,
  freshDesk: () => Promise<SijillApp>,
  benchDir: string,
): Promise<Figure[]> {
  const figures = await certificateFigures(app, benchDir)
  const desk = await freshDesk()
  try {
    figures.push(await batchFigure(desk))
  } finally {
    desk.close()
  }
  return figures
}
