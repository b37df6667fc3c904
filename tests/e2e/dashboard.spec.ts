import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { readXlsx } from '../../electron/services/spreadsheet/xlsx-read'
import { deskForDashboard } from './dashboard-data'
import { expect, test } from './fixtures'

const SHOTS = join(__dirname, '../../test-results/screenshots')

/** A figure as shown (`1.234`, grouped the Moroccan way) as a number. */
const figure = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).innerText()).replace(/\D/g, ''))

test('the dashboard in Arabic: filter by a province, drill into a number, export it, print the monthly report', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare(deskForDashboard)
  await expect(page.getByRole('textbox', { name: 'البحث عن صانع' })).toBeFocused()
  await page.keyboard.press('Alt+Digit6')
  await expect(
    page.getByRole('heading', { name: 'لوحة القيادة والتقارير', level: 2 }),
  ).toBeVisible()
  await expect(page.getByTestId('funnel-table')).toBeVisible()
  const everyone = await figure(page, 'funnel-identified-today')
  expect(everyone).toBe(3003)
  // The chart is drawn: one bar per step of the path.
  await expect(page.getByTestId('funnel-chart').locator('.recharts-bar-rectangle')).toHaveCount(6)
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-dashboard-ar.png`),
    fullPage: true,
  })

  // Twelve months: the trend goes month by month, right to left.
  await page.getByRole('textbox', { name: 'الفترة' }).first().click()
  await page.getByRole('option', { name: /^آخر/ }).click()
  await expect(page.getByRole('heading', { name: 'التطور شهرًا بشهر' })).toBeVisible()
  // Time runs right to left: the first month's tick stands right of the last one's.
  const ticks = page
    .getByTestId('trend-chart')
    .locator('text.recharts-cartesian-axis-tick-value[orientation="bottom"]')
  await expect.poll(() => ticks.count()).toBeGreaterThan(2)
  const first = (await ticks.first().boundingBox())!
  const last = (await ticks.last().boundingBox())!
  expect(first.x).toBeGreaterThan(last.x)
  await page
    .getByTestId('trend-chart')
    .screenshot({ path: join(SHOTS, `${testInfo.project.name}-trend-ar.png`) })

  // A province: the figures narrow, and the address keeps the filter.
  await page.getByRole('textbox', { name: 'الإقليم أو العمالة' }).click()
  await page.getByRole('option', { name: 'تيزنيت' }).click()
  await expect(page).toHaveURL(/provinceCode=/)
  await expect.poll(() => figure(page, 'funnel-identified-today')).toBeLessThan(everyone)
  const inProvince = await figure(page, 'funnel-identified-today')
  expect(inProvince).toBeGreaterThanOrEqual(3)
  const registeredToday = await figure(page, 'funnel-registered-period')
  expect(registeredToday).toBeGreaterThan(0)

  // Drill into the RNA registrations of the period: the list shows exactly them.
  await page.getByTestId('funnel-registered-period').click()
  await expect(page.getByRole('heading', { name: 'الصناع التقليديون', level: 2 })).toBeVisible()
  await expect(page.getByTestId('drill-banner')).toBeVisible()
  await expect
    .poll(async () => Number((await page.getByTestId('list-count').innerText()).replace(/\D/g, '')))
    .toBe(registeredToday)
  // The list opens at its top: its title and the banner in view.
  await expect(page.getByRole('heading', { name: 'الصناع التقليديون', level: 2 })).toBeInViewport()
  await expect(page.getByTestId('drill-banner')).toBeInViewport()
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-drill-ar.png`) })

  // …and exports them.
  await page.getByRole('button', { name: 'تصدير', exact: true }).click()
  const dialog = page.getByRole('dialog')
  const download = page.waitForEvent('download')
  await dialog
    .getByRole('button', { name: /^تصدير/ })
    .last()
    .click()
  const rows = readXlsx(readFileSync(await (await download).path()))
  expect(rows.length - 1).toBe(registeredToday)
  await expect(dialog.getByText(/^الملف جاهز/)).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)

  // Back to the same dashboard, then the monthly report.
  await page.goBack()
  await expect(page.getByTestId('funnel-table')).toBeVisible()
  await expect(page).toHaveURL(/provinceCode=/)
  await page.getByRole('button', { name: /^معاينة وطباعة/ }).click()
  const preview = page.getByRole('dialog')
  await expect(preview.getByTestId('preview-page').first()).toHaveAttribute('data-drawn', 'true')
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-report-preview-ar.png`) })
  const saved = page.waitForEvent('download')
  await preview.getByRole('button', { name: 'حفظ ملف PDF' }).click()
  const pdf = await saved
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/)
  const text = execFileSync('pdftotext', [await pdf.path(), '-']).toString('utf8')
  expect(text).toContain('تيزنيت')
  await page.evaluate(() => {
    const w = window as unknown as { printCalls: number; print: () => void }
    w.printCalls = 0
    w.print = () => void (w.printCalls += 1)
  })
  await preview.getByRole('button', { name: 'طباعة', exact: true }).click()
  await expect(preview.getByText('أُرسلت الوثيقة إلى الطابعة.')).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(
    1,
  )
})

test('the dashboard reads in French, with the trend as a table', async ({ desk }, testInfo) => {
  const page = await desk.prepare((dir) => deskForDashboard(dir, 'fr'))
  await expect(page.getByRole('textbox', { name: 'Rechercher un artisan' })).toBeFocused()
  await page.keyboard.press('Alt+Digit6')
  await expect(
    page.getByRole('heading', { name: 'Tableau de bord et rapports', level: 2 }),
  ).toBeVisible()
  await expect(page.getByTestId('funnel-table')).toContainText('Inscrits au RNA')
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-dashboard-fr.png`),
    fullPage: true,
  })
  await page.getByText('Tableau', { exact: true }).click()
  await expect(page.getByTestId('trend-table')).toBeVisible()
  await page.getByRole('textbox', { name: 'Période' }).first().click()
  await page.getByRole('option', { name: 'Les 12 derniers mois' }).click()
  await expect(page.getByRole('heading', { name: 'Évolution mois par mois' })).toBeVisible()
  await expect(page.getByTestId('trend-table').locator('tbody tr')).toHaveCount(12)

  // A figure clicked far down the dashboard: the list opens at its top, title and banner in
  // view, and counts the files grouped as the dashboard does (3.003, not 3003).
  await expect(page.getByTestId('funnel-identified-today')).toHaveText('3.003')
  await page.evaluate(() => {
    window.scrollTo({ top: document.body.scrollHeight })
    document.querySelector<HTMLElement>('[data-testid="funnel-identified-today"]')?.click()
  })
  await expect(page.getByRole('heading', { name: 'Artisans', level: 2 })).toBeInViewport()
  await expect(page.getByTestId('drill-banner')).toBeInViewport()
  await expect(page.getByTestId('list-count')).toHaveText('3.003 artisans')
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-drill-fr.png`) })
  await page.goBack()
  await expect(page.getByTestId('funnel-table')).toBeVisible()

  // A drill-down address edited by hand: said so, and the whole list shown.
  await page.goto(page.url().replace(/#.*$/, '#/artisans?filter=%7Bbroken'))
  await expect(page.getByRole('alert')).toContainText(
    'illisibles : tous les artisans sont affichés',
  )
  await expect(page.getByTestId('list-count')).toHaveText('3.003 artisans')
})
