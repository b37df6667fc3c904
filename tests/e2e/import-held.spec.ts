import { join } from 'node:path'
import { identifyArtisan } from '../../electron/services/artisans/identify'
import { openTestDesk } from '../helpers/temp-desk'
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

/**
 * A file identified earlier without a CIN (Naima Bakkali, 06 66 00 00 09, born 02/04/1980)
 * and a list that gives her CIN: the row is held, not matched (its CIN would be lost); a
 * person adds the CIN to the file with the keyboard alone, and the next held row takes the
 * focus.
 */
async function withFileWithoutCin(dataDir: string, language: 'ar' | 'fr'): Promise<void> {
  await deskWithArtisans(dataDir, language)
  const app = openTestDesk(dataDir)
  try {
    identifyArtisan(
      app.db,
      app.actor(),
      {
        cin: null,
        phone: '+212666000009',
        firstNameAr: 'نعيمة',
        lastNameAr: 'البقالي',
        firstNameLat: 'Naima',
        lastNameLat: 'Bakkali',
        sex: 'F',
        birthDate: '1980-04-02',
        provinceCode: null,
        communeCode: null,
        mainActivity: null,
      },
      'import:caravane-tata.csv',
    )
  } finally {
    app.close()
  }
}

const WITH_CIN = [
  'CIN,Prénom,Nom,Téléphone,Date de naissance',
  'J900009,Naima,Bakkali,0666000009,02/04/1980',
  'J900001,Mohamed,El Alaoui,0661000001,01/01/1970',
].join('\n')

const LABELS = {
  ar: {
    search: 'البحث عن صانع',
    start: 'بدء الاستيراد',
    title: 'أسطر موقوفة لقرار شخص',
    reason: 'ملف دون رقم بطاقة، نفس الهاتف والاسم',
    addCin: 'إضافة رقم البطاقة إلى هذا الملف',
    added: 'أُضيف رقم البطاقة إلى الملف',
    register: 'تسجيله ملفًا جديدًا',
    name: 'نعيمة البقالي',
  },
  fr: {
    search: 'Rechercher un artisan',
    start: "Lancer l'import",
    title: "Lignes en attente d'une décision",
    reason: 'Dossier sans CIN, même téléphone et même nom',
    addCin: 'Ajouter le CIN à ce dossier',
    added: 'CIN ajouté au dossier',
    register: 'Enregistrer comme nouveau dossier',
    name: 'Naima Bakkali',
  },
} as const

for (const lang of ['ar', 'fr'] as const) {
  const l = LABELS[lang]
  test(`a row with a CIN for a file without one is held; a person adds the CIN with the keyboard (${lang})`, async ({
    desk,
  }, testInfo) => {
    const page = await desk.prepare((dir) => withFileWithoutCin(dir, lang))
    await expect(page.getByRole('textbox', { name: l.search })).toBeFocused()
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.keyboard.press('Alt+Digit2')
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'liste-cin.csv', mimeType: 'text/csv', buffer: Buffer.from(WITH_CIN) })
    await page.getByRole('button', { name: l.start }).click()
    const held = page.getByTestId('import-held')
    const row = held.getByTestId('held-2')
    await expect(row).toContainText(l.reason)
    await expect(row).toContainText('J900009') // the row's CIN…
    await expect(row).toContainText('—') // …beside the file, which has none
    await expect(row).toContainText('02/04/1980')
    // The rows to decide take the focus; Tab reaches the first decision, Enter takes it.
    await expect(held.getByRole('heading', { name: l.title })).toBeFocused()
    await held.scrollIntoViewIfNeeded()
    await page.screenshot({
      path: join(SHOTS, `${testInfo.project.name}-import-add-cin-${lang}.png`),
    })
    await page.keyboard.press('Tab')
    await expect(row.getByRole('button', { name: l.addCin })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(row).toContainText(l.added)
    await expect(held.getByTestId('held-3').getByRole('button', { name: l.register })).toBeFocused()
    await page.screenshot({
      path: join(SHOTS, `${testInfo.project.name}-import-add-cin-done-${lang}.png`),
    })

    // The file has its CIN now: the counter finds it by it, and no file was added.
    await page.keyboard.press('Alt+Digit1')
    const box = page.getByRole('textbox', { name: l.search })
    await box.fill('J900009')
    await expect(page.getByTestId('search-result')).toHaveCount(1)
    await expect(page.getByTestId('search-result')).toContainText(l.name)
  })
}

/** The bad-input corpus's list of 10,000 columns: CIN, Prénom, Nom, then X0…X9996. */
const WIDE = join(__dirname, '../fixtures/bad-input/import/wide-10000-columns.csv')
const WIDE_TEXT = {
  ar: { column: 'حقل العمود', more: 'و9.967 عمودًا آخر غير معروض' },
  fr: { column: 'Champ de la colonne', more: 'et 9.967 autres colonnes non affichées' },
} as const

for (const lang of ['ar', 'fr'] as const) {
  test(`a list of 10,000 columns shows the recognised ones and the first others, and says how many more (${lang})`, async ({
    desk,
  }, testInfo) => {
    const page = await desk.prepare((dir) => deskWithArtisans(dir, lang))
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.keyboard.press('Alt+Digit2')
    await page.locator('input[type=file]').setInputFiles(WIDE)
    await expect(page.getByTestId('import-more-columns')).toHaveText(
      new RegExp(WIDE_TEXT[lang].more),
    )
    // 3 recognised (CIN, first name, family name) and the first 30 others: 33 selectors.
    await expect(page.locator(`input[aria-label^="${WIDE_TEXT[lang].column}"]`)).toHaveCount(33)
    await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-import-wide-${lang}.png`) })
  })
}
