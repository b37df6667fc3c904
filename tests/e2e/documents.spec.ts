import { execFileSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { join } from 'node:path'
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

  /** The preview opened by a print: its pages drawn, then saved as the PDF and closed. */
  const previewed = async () => {
    const preview = page.getByRole('dialog')
    await expect(preview.getByTestId('preview-page').first()).toHaveAttribute('data-drawn', 'true')
    const download = page.waitForEvent('download')
    await preview.getByRole('button', { name: 'حفظ ملف PDF' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(
      /^[RF]-09-\d{4}-[0-9A-F]{4}-\d{6}(-duplicata-\d+)?\.pdf$/,
    )
    const text = execFileSync('pdftotext', ['-raw', await file.path(), '-']).toString('utf8')
    return { preview, text }
  }
  await documents.getByRole('button', { name: 'طباعة وصل الإيداع' }).click()
  const first = await previewed()
  // The preview says what the document is and for whom, not its file name.
  await expect(first.preview.locator('.mantine-Modal-title')).toHaveText(
    /^وصل الإيداع — \u2068?محمد العلوي\u2069?$/,
  )
  expect(first.text).toContain('Récépissé de dépôt')
  expect(first.text).toContain('J100001')
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-preview-ar.png`) })
  // Print: the pages go to the print area, which is all that shows on paper. The browser's
  // print dialog cannot be answered headless (a pending one blocks page.pdf), so the test
  // counts the call to it and prints the page itself below.
  await page.evaluate(() => {
    const w = window as unknown as { printCalls: number; print: () => void }
    w.printCalls = 0
    w.print = () => void (w.printCalls += 1)
  })
  await first.preview.getByRole('button', { name: 'طباعة', exact: true }).click()
  await expect(page.locator('#print-area')).toHaveAttribute('data-pages', '1')
  await expect(first.preview.getByText('أُرسلت الوثيقة إلى الطابعة.')).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(
    1,
  )
  const paper = join(testInfo.outputDir, 'printed.pdf')
  await page.pdf({ path: paper, preferCSSPageSize: true })
  expect(execFileSync('pdfinfo', [paper]).toString()).toMatch(/Pages:\s+1\b/)
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '50',
    '-singlefile',
    paper,
    join(SHOTS, `${testInfo.project.name}-printed-receipt`),
  ])
  await first.preview.getByRole('button', { name: 'إغلاق' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(documents.getByTestId('document-row')).toHaveCount(1)
  await expect(documents.getByTestId('document-row')).toContainText('أصل')

  await documents.getByRole('button', { name: 'إعادة الطباعة (نسخة)' }).click()
  expect((await previewed()).text).toContain('DUPLICATA')
  await expect(page.getByRole('dialog').locator('.mantine-Modal-title')).toHaveText(
    /^وصل الإيداع \(نسخة طبق الأصل رقم 1\) — \u2068?محمد العلوي\u2069?$/,
  )
  await page.getByRole('dialog').getByRole('button', { name: 'إغلاق' }).click()
  await expect(documents.getByTestId('document-row')).toHaveCount(2)
  await expect(documents.getByTestId('document-row').first()).toContainText('نسخة 1')

  // The file summary, for the artisan to check and sign.
  await documents.getByRole('button', { name: 'طباعة بطاقة الملف' }).click()
  const summary = await previewed()
  await expect(summary.preview.locator('.mantine-Modal-title')).toHaveText(
    /^بطاقة الملف — \u2068?محمد العلوي\u2069?$/,
  )
  expect(summary.text).toContain('Fiche du dossier')
  expect(summary.text).toContain('J100001')
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-summary-preview-ar.png`) })
  await summary.preview.getByRole('button', { name: 'إغلاق' }).click()
  await expect(documents.getByTestId('document-row')).toHaveCount(3)

  // Cancelling the receipt (its original, the oldest row) leaves the summary as it is.
  const receipts = documents.getByTestId('document-row').filter({ hasText: 'وصل الإيداع' })
  await receipts.last().getByRole('button', { name: 'إلغاء' }).click()
  await documents.getByRole('textbox', { name: 'سبب الإلغاء' }).fill('خطأ في الاسم')
  await documents.getByRole('button', { name: 'إلغاء الوثيقة' }).click()
  await expect(documents.getByText(/ملغاة: .?خطأ في الاسم/).first()).toBeVisible()
  await expect(receipts.getByRole('button', { name: 'إعادة الطباعة (نسخة)' })).toHaveCount(0)
  await expect(documents.getByRole('button', { name: 'إعادة الطباعة (نسخة)' })).toHaveCount(1)
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-documents-ar.png`),
    fullPage: true,
  })

  // The technical facts are in Settings › About, not on the working screens.
  await page.keyboard.press('Alt+Digit7')
  const about = page.getByTestId('about')
  await expect(about).toContainText('حول هذا المكتب')
  await expect(page.getByTestId('about-signing-key')).toHaveText(/^K[0-9A-F]{8}$/)
  await about.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-about-ar.png`) })
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
  await documents.getByRole('button', { name: "Imprimer l'attestation d'inscription" }).click()
  const preview = page.getByRole('dialog')
  await expect(preview.getByTestId('preview-page')).toHaveAttribute('data-drawn', 'true')
  await expect(preview).toContainText('1 page')
  await expect(preview.locator('.mantine-Modal-title')).toHaveText(
    /^Attestation d'inscription — \u2068?Fatima Ait Baha\u2069?$/,
  )
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-preview-fr.png`) })
  const download = page.waitForEvent('download')
  await preview.getByRole('button', { name: 'Enregistrer le PDF' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^A-09-/)
  await file.saveAs(join(SHOTS, `${testInfo.project.name}-certificate.pdf`))
  const text = execFileSync('pdftotext', ['-raw', await file.path(), '-']).toString('utf8')
  expect(text).toContain('0900004242')
  // The QR's caption invites to scan it; the signing key's id is not printed.
  expect(text).toContain('Vérifiable en scannant le code')
  expect(text).not.toMatch(/K[0-9A-F]{8}/)
  await preview.getByRole('button', { name: 'Fermer' }).click()
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
  await batch.getByRole('button', { name: 'Imprimer 1 attestation' }).click()
  await expect(page.getByRole('dialog').getByTestId('preview-page')).toHaveAttribute(
    'data-drawn',
    'true',
  )
  await expect(page.getByRole('dialog').locator('.mantine-Modal-title')).toHaveText(
    "Attestations d'inscription (lot)",
  )
  const batchDownload = page.waitForEvent('download')
  await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer le PDF' }).click()
  const batchPdf = await (await batchDownload).path()
  expect(execFileSync('pdftotext', ['-raw', batchPdf, '-']).toString('utf8')).toContain(
    '0900004242',
  )
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
  await expect(batch.getByRole('button', { name: 'Rouvrir le PDF imprimé' })).toBeVisible()
  await expect(batch.getByText('PDF prêt : 1 page.')).toBeVisible()

  // The public key of another desk, so that its certificates verify here too.
  const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x as string
  const keys = page.getByTestId('keys')
  await keys.getByLabel("Clé publique d'un autre poste").fill(other)
  await keys.getByRole('button', { name: 'Ajouter la clé' }).click()
  await expect(keys.getByRole('status')).toContainText('ajoutée')
  await expect(keys.getByText(other)).toBeVisible()
  await expect(keys.getByText('Autre poste', { exact: true })).toBeVisible()
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-keys-fr.png`),
    fullPage: true,
  })

  // Printing settings: in the browser host the browser's dialog chooses the printer.
  await page.keyboard.press('Alt+Digit7')
  const printing = page.getByTestId('printing-settings')
  await expect(printing).toContainText("L'impression directe n'existe que dans l'application")
  await expect(printing.getByRole('switch')).toBeDisabled()
  await printing.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-printing-settings-fr.png`) })
  // Settings › About names the key that signs the QR codes (the certificate does not).
  const about = page.getByTestId('about')
  await expect(about).toContainText('À propos de ce poste')
  const keyId = await page.getByTestId('about-signing-key').innerText()
  expect(keyId).toMatch(/^K[0-9A-F]{8}$/)
  expect(text).not.toContain(keyId)
  await expect(page.getByTestId('about-last-search')).toContainText('ms (Recherche par CIN)')
  await about.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-about-fr.png`) })
  await page.keyboard.press('Alt+Digit3')
  await code.fill(qr)
  await code.press('Enter')
  await page.getByText('العربية', { exact: true }).click()
  await expect(page.getByTestId('verification')).toContainText('شهادة صحيحة')
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-verify-ar.png`) })
})
