import { join } from 'node:path'
import { readXlsx } from '../../electron/services/spreadsheet/xlsx-read'
import { writeXlsx } from '../../electron/services/spreadsheet/xlsx-write'
import { testCodes, validRegistration } from '../helpers/registration'
import { openTestDesk } from '../helpers/temp-desk'
import { deskWithArtisans } from './counter-data'
import { expect, test } from './fixtures'

const SHOTS = join(__dirname, '../../test-results/screenshots')

test('the artisans list filters by territory and path state and opens a file', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare(deskWithArtisans)
  await expect(page.getByRole('textbox', { name: 'البحث عن صانع' })).toBeFocused()
  await page.keyboard.press('Alt+Digit2')
  await expect(page.getByRole('heading', { name: 'الصناع التقليديون', level: 2 })).toBeVisible()
  await expect(page.getByTestId('list-row')).toHaveCount(3)
  await expect(page.getByTestId('list-count')).toHaveText('3 صناع')

  await page.getByRole('textbox', { name: 'وضعية السجل الوطني' }).click()
  await page.getByRole('option', { name: 'مسجل في السجل الوطني' }).click()
  await expect(page.getByTestId('list-row')).toHaveCount(0)
  await expect(page.getByTestId('list-count')).toHaveText('لا يوجد أي صانع مطابق')
  await page.getByRole('textbox', { name: 'وضعية السجل الوطني' }).click()
  await page.getByRole('option', { name: 'في انتظار الإيداع' }).click()
  await page.getByRole('textbox', { name: 'الجهة' }).click()
  await page.getByRole('option', { name: 'سوس ماسة' }).click()
  await expect(page.getByTestId('list-row')).toHaveCount(3)
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-artisans-list-ar.png`) })

  await page.getByTestId('list-row').filter({ hasText: 'مصطفى' }).click()
  await expect(page.getByTestId('artisan-name')).toHaveText('مصطفى الإدريسي')
})

test('a clerk imports an identification list with bad rows and gets the error report', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare(deskWithArtisans)
  await expect(page.getByRole('textbox', { name: 'البحث عن صانع' })).toBeFocused()
  await page.keyboard.press('Alt+Digit2')
  await expect(page.getByTestId('list-count')).toHaveText('3 صناع')
  // An Excel workbook, as chambers keep their lists.
  const xlsx = writeXlsx(
    { name: 'Caravane', header: ['N° CIN', 'Prénom', 'Nom', 'Téléphone', 'Commune'] },
    [
      ['JE500001', 'Ahmed', 'Ouali', '0661112233', 'Tiznit'],
      ['J100001', 'Mohamed', 'El Alaoui', '0661000001', null],
      ['X1', 'Said', 'Amrani', '0663000000', null],
      [null, null, null, null, null],
    ],
  )
  await page.locator('input[type=file]').setInputFiles({
    name: 'caravane.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(xlsx),
  })
  await expect(page.getByText('caravane.xlsx', { exact: false })).toContainText('4 أسطر')
  await expect(page.getByRole('textbox', { name: /حقل العمود .N° CIN/ })).toHaveValue(
    'رقم البطاقة الوطنية',
  )
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-import-preview-ar.png`),
    fullPage: true,
  })
  await page.getByRole('button', { name: 'بدء الاستيراد' }).click()
  await expect(page.getByTestId('import-summary')).toContainText(
    'أُنشئ: 1، مطابق لملف موجود: 1، مرفوض: 1، فارغ: 1',
  )
  await expect(page.getByTestId('list-count')).toHaveText('4 صناع')
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'تحميل تقرير الأسطر المرفوضة' }).click()
  const report = await (await download).path()
  const { readFileSync } = await import('node:fs')
  const text = readFileSync(report, 'utf8')
  expect(text).toContain('4,cin,')
  expect(text).toContain('رقم بطاقة التعريف غير صالح')
})

test('a supervisor exports the filtered list to Excel, right to left, names in Arabic', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare(deskWithArtisans)
  await expect(page.getByRole('textbox', { name: 'البحث عن صانع' })).toBeFocused()
  await page.keyboard.press('Alt+Digit2')
  await expect(page.getByTestId('list-count')).toHaveText('3 صناع')
  await page.getByRole('button', { name: 'تصدير', exact: true }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText('Excel (XLSX)')).toBeVisible()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'تصدير 3 صناع' }).click()
  await expect(dialog.getByText('الملف جاهز: 3 صناع.')).toBeVisible()
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-export-ar.png`) })
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^sijill-artisans-\d{4}-\d{2}-\d{2}\.xlsx$/)
  const { readFileSync } = await import('node:fs')
  const rows = readXlsx(readFileSync(await file.path()))
  expect(rows[0]?.slice(0, 3)).toEqual([
    'رقم البطاقة الوطنية',
    'رقم التعريف الحرفي',
    'الاسم الشخصي بالعربية',
  ])
  expect(
    rows
      .slice(1)
      .map((r) => r[0])
      .sort(),
  ).toEqual(['J100001', 'J100002', 'JB200003'])
  expect(rows[1]).toContain('تيزنيت')
  expect(rows[1]).toContain('في انتظار الإيداع')
})

test('the artisans list and the import read in French', async ({ desk }, testInfo) => {
  const page = await desk.prepare((dir) => deskWithArtisans(dir, 'fr'))
  await expect(page.getByRole('textbox', { name: 'Rechercher un artisan' })).toBeFocused()
  await page.keyboard.press('Alt+Digit2')
  await expect(page.getByTestId('list-count')).toHaveText('3 artisans')
  const csv = [
    'CIN,Prénom,Nom,Téléphone',
    'JE600001,Naima,Bakkali,0666000001',
    'BAD,Omar,Tahiri,0666000002',
  ].join('\n')
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'salon-tiznit.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await expect(page.getByRole('textbox', { name: /Champ de la colonne .CIN/ })).toHaveValue('CIN')
  await page.getByRole('button', { name: "Lancer l'import" }).click()
  await expect(page.getByTestId('import-summary')).toContainText(
    "créés : 1, rapprochés d'un dossier existant : 0, rejetés : 1, vides : 0",
  )
  await expect(page.getByTestId('list-count')).toHaveText('4 artisans')
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-artisans-list-fr.png`) })
  await page.getByRole('button', { name: 'Exporter', exact: true }).click()
  await page.getByRole('dialog').getByText('CSV (texte)').click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter 4 artisans' }).click()
  expect((await download).suggestedFilename()).toMatch(/\.csv$/)
  await expect(page.getByText('Export prêt : 4 artisans.')).toBeVisible()
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-export-fr.png`) })
})

test('Back from a file returns to the artisans list where it was left, 150 rows down', async ({
  desk,
}) => {
  const page = await desk.prepare(async (dataDir) => {
    await deskWithArtisans(dataDir)
    const app = openTestDesk(dataDir)
    try {
      const codes = testCodes(app.db)
      for (let i = 0; i < 220; i++) {
        const n = String(i).padStart(5, '0')
        await app.direct().call(
          'artisans.register',
          validRegistration(codes, {
            cin: `JK3${n}`,
            phone: `0663${n.padStart(6, '0')}`,
          }),
        )
      }
    } finally {
      app.close()
    }
  })
  await page.keyboard.press('Alt+Digit2')
  await expect(page.getByTestId('list-count')).toContainText('223')
  const list = page.getByRole('list', { name: 'الصناع التقليديون' })
  // Scrolled past the first page (100 rows): the next page loads as the list nears its end.
  await list.evaluate((el) => el.scrollTo({ top: 4000 }))
  await expect.poll(() => list.evaluate((el) => el.scrollHeight)).toBeGreaterThan(9000)
  await list.evaluate((el) => el.scrollTo({ top: 8400 }))
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBe(8400)
  const row = page.getByTestId('list-row').filter({ hasText: 'JK300069' })
  await expect(row).toBeVisible()
  await row.click()
  await expect(page.getByTestId('artisan-name')).toBeVisible()
  await page.getByTestId('artisan-back').click()
  await expect(page.getByTestId('list-row').filter({ hasText: 'JK300069' })).toBeVisible()
  expect(await list.evaluate((el) => el.scrollTop)).toBe(8400)
})
