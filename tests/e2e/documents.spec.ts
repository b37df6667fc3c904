import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Download } from '@playwright/test'
import { openTestDesk } from '../helpers/temp-desk'
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

test('a registered artisan gets a certificate; its QR code verifies offline, a tampered one does not', async ({
  desk,
}, testInfo) => {
  let qr = ''
  const page = await desk.prepare(async (dir) => {
    await deskWithArtisans(dir, 'fr')
    const app = openTestDesk(dir)
    try {
      const [file] = (await app.direct().call('artisans.search', { query: 'J100002' })).items
      const id = file?.id as string
      await app.direct().call('artisans.recordStep', {
        artisanId: id,
        expectedVersion: 1,
        action: { step: 'rna_registered', happenedOn: '2026-02-02', nia: '0900004242' },
      })
      const printed = await app
        .direct()
        .call('documents.issue', { artisanId: id, type: 'certificate' })
      qr = (
        JSON.parse(
          app.db
            .prepare('SELECT content_json FROM document WHERE id = ?')
            .pluck()
            .get(printed.id) as string,
        ) as { qr: string }
      ).qr
    } finally {
      app.close()
    }
  })
  const box = page.getByRole('textbox', { name: 'Rechercher un artisan' })
  await box.fill('J100002')
  await expect(page.getByTestId('search-result')).toContainText('Fatima Ait Baha')
  await box.press('Enter')
  const documents = page.getByTestId('documents')
  await expect(documents.getByTestId('document-row')).toHaveCount(1)
  const download = page.waitForEvent('download')
  await documents.getByRole('button', { name: "Imprimer l'attestation d'inscription" }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^A-09-/)
  const text = execFileSync('pdftotext', ['-raw', await file.path(), '-']).toString('utf8')
  expect(text).toContain('0900004242')
  await expect(documents.getByTestId('document-row')).toHaveCount(2)

  await page.keyboard.press('Alt+Digit3')
  const code = page.getByRole('textbox', { name: 'Texte du code' })
  await code.fill(qr)
  await code.press('Enter')
  const verdict = page.getByTestId('verification')
  await expect(verdict).toContainText('Attestation authentique')
  await expect(verdict).toContainText('0900004242')
  await expect(verdict).toContainText('Fatima Ait Baha')
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-verify-fr.png`) })
  await code.fill(qr.replace(/\.[^.]{4}/, '.AAAA'))
  await page.getByRole('button', { name: 'Vérifier' }).click()
  await expect(verdict).toContainText('Attestation non valide')
  // Batch printing: the one registered artisan already has certificates; all of them then.
  const batch = page.getByTestId('batch')
  await batch.getByLabel('Inscrits depuis le').fill('2026-01-01')
  await expect(batch.getByRole('button', { name: 'Rien à imprimer' })).toBeDisabled()
  await batch.getByLabel('Sans attestation imprimée').uncheck()
  const batchDownload = page.waitForEvent('download')
  await batch.getByRole('button', { name: 'Imprimer 1 attestation' }).click()
  const batchPdf = await (await batchDownload).path()
  expect(execFileSync('pdftotext', ['-raw', batchPdf, '-']).toString('utf8')).toContain(
    '0900004242',
  )
  await expect(batch.getByText('PDF prêt : 1 page.')).toBeVisible()

  await code.fill(qr)
  await code.press('Enter')
  await page.getByText('العربية', { exact: true }).click()
  await expect(page.getByTestId('verification')).toContainText('شهادة صحيحة')
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-verify-ar.png`) })
})
