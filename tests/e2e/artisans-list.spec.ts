import { join } from 'node:path'
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
