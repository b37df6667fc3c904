import { join } from 'node:path'
import { deskWithArtisans } from './counter-data'
import { expect, test } from './fixtures'

const SHOTS = join(__dirname, '../../test-results/screenshots')

/**
 * A list whose rows resemble files of the register but carry other CINs: nothing is folded
 * in; the rows are held, shown beside the files they resemble, and a person decides.
 * (deskWithArtisans: J100001 Mohamed El Alaoui 06 61 00 00 01 born 01/01/1970; J100002
 * Fatima Ait Baha.)
 */
const LIST = [
  'CIN,Prénom,Nom,Téléphone,Date de naissance',
  'J900001,Mohamed,El Alaoui,0661000001,01/01/1970',
  'J100002,Said,Tazi,,',
  'J900003,Naima,Bakkali,0666000001,',
].join('\n')

test('held rows: both sides shown in Arabic, a person registers one as a new file and skips the other', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare(deskWithArtisans)
  await expect(page.getByRole('textbox', { name: 'البحث عن صانع' })).toBeFocused()
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.keyboard.press('Alt+Digit2')
  await expect(page.getByTestId('list-count')).toHaveText('3 صناع')
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'caravane.csv', mimeType: 'text/csv', buffer: Buffer.from(LIST) })
  await page.getByRole('button', { name: 'بدء الاستيراد' }).click()
  await expect(page.getByTestId('import-summary')).toContainText(
    'أُنشئ: 1، مطابق لملف موجود: 0، مرفوض: 0، فارغ: 0، موقوف لقرار شخص: 2',
  )
  const held = page.getByTestId('import-held')
  await expect(held.getByTestId('held-2')).toContainText('J900001')
  await expect(held.getByTestId('held-2')).toContainText('J100001')
  await expect(held.getByTestId('held-2')).toContainText('01/01/1970')
  await expect(held.getByTestId('held-3')).toContainText('نفس رقم البطاقة، اسم عائلي آخر')
  await expect(
    held.getByTestId('held-3').getByRole('button', { name: 'تسجيله ملفًا جديدًا' }),
  ).toHaveCount(0)
  await held.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-import-held-ar.png`) })

  await held.getByTestId('held-2').getByRole('button', { name: 'تسجيله ملفًا جديدًا' }).click()
  await expect(held.getByTestId('held-2')).toContainText('سُجّل ملفًا جديدًا')
  await held.getByTestId('held-3').getByRole('button', { name: 'تجاوز' }).click()
  await expect(held.getByTestId('held-3')).toContainText('تُجووز')
  await expect(page.getByTestId('list-count')).toHaveText('5 صناع')
})

test('held rows read in French', async ({ desk }, testInfo) => {
  const page = await desk.prepare((dir) => deskWithArtisans(dir, 'fr'))
  await expect(page.getByRole('textbox', { name: 'Rechercher un artisan' })).toBeFocused()
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.keyboard.press('Alt+Digit2')
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'caravane.csv', mimeType: 'text/csv', buffer: Buffer.from(LIST) })
  await page.getByRole('button', { name: "Lancer l'import" }).click()
  await expect(page.getByTestId('import-summary')).toContainText(
    "en attente d'une décision : 2 (sur 3 lignes)",
  )
  const held = page.getByTestId('import-held')
  await expect(held.getByTestId('held-2')).toContainText('Autre CIN, même téléphone et même nom')
  await held.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-import-held-fr.png`) })
})
