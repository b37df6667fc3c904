import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Download } from '@playwright/test'
import { deskWithArtisans } from './counter-data'
import { expect, test } from './fixtures'

const SHOTS = join(__dirname, '../../test-results/screenshots')

test('certificate staff print a deposit receipt, reprint it as a duplicata and cancel it, in Arabic', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare(deskWithArtisans)
  const box = page.getByRole('textbox', { name: 'البحث عن صانع' })
  await box.fill('J100001')
  await expect(page.getByTestId('search-result')).toContainText('محمد العلوي')
  await box.press('Enter')
  await expect(page.getByTestId('artisan-name')).toHaveText('محمد العلوي')
  const documents = page.getByTestId('documents')
  await expect(documents).toContainText('لم تُسلَّم أي وثيقة بعد.')

  const pdfText = async (download: Promise<Download>) => {
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^R-09-\d{4}-[0-9A-F]{4}-\d{6}(-duplicata-\d+)?\.pdf$/)
    return execFileSync('pdftotext', ['-raw', await file.path(), '-']).toString('utf8')
  }
  let download = page.waitForEvent('download')
  await documents.getByRole('button', { name: 'طباعة وصل الإيداع' }).click()
  const original = await pdfText(download)
  expect(original).toContain('Récépissé de dépôt')
  expect(original).toContain('J100001')
  await expect(documents.getByTestId('document-row')).toHaveCount(1)
  await expect(documents.getByTestId('document-row')).toContainText('أصل')

  download = page.waitForEvent('download')
  await documents.getByRole('button', { name: 'إعادة الطباعة (نسخة)' }).click()
  expect(await pdfText(download)).toContain('DUPLICATA')
  await expect(documents.getByTestId('document-row')).toHaveCount(2)
  await expect(documents.getByTestId('document-row').first()).toContainText('نسخة 1')

  await documents.getByRole('button', { name: 'إلغاء' }).click()
  await documents.getByRole('textbox', { name: 'سبب الإلغاء' }).fill('خطأ في الاسم')
  await documents.getByRole('button', { name: 'إلغاء الوثيقة' }).click()
  await expect(documents.getByText(/ملغاة: .?خطأ في الاسم/).first()).toBeVisible()
  await expect(documents.getByRole('button', { name: 'إعادة الطباعة (نسخة)' })).toHaveCount(0)
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-documents-ar.png`),
    fullPage: true,
  })
})
