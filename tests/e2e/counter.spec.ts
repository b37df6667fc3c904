/// <reference lib="dom" />
import { join } from 'node:path'
import { deskWithArtisans } from './counter-data'
import { expect, test } from './fixtures'

const SHOTS = join(__dirname, '../../test-results/screenshots')

test('a clerk finds artisans by a fragment of an Arabic name, by CIN and by phone, and opens the file', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare(deskWithArtisans)
  const box = page.getByRole('textbox', { name: 'البحث عن صانع' })
  await expect(box).toBeFocused()

  await box.fill('علو')
  await expect(page.getByTestId('search-result')).toHaveCount(1)
  await expect(page.getByTestId('search-result')).toContainText('محمد العلوي')
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-counter-ar.png`) })

  await box.fill('j100002')
  await expect(page.getByTestId('search-result')).toContainText('فاطمة أيت باها')
  await box.fill('06 61 00 00 01')
  await expect(page.getByTestId('search-result')).toContainText('محمد العلوي')
  await box.press('Enter')
  await expect(page.getByTestId('artisan-name')).toHaveText('محمد العلوي')
  await expect(page.getByText('J100001')).toBeVisible()
})

test('a clerk registers a new artisan in Arabic: fixes errors, meets a duplicate warning, decides, then records a CNSS pre-registration', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare(deskWithArtisans)
  const box = page.getByRole('textbox', { name: 'البحث عن صانع' })
  await box.fill('JE777777')
  await page.getByRole('link', { name: /تسجيل صانع جديد بـ/ }).click()
  await expect(page.getByRole('heading', { name: 'تسجيل صانع جديد' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'رقم البطاقة الوطنية' })).toHaveValue('JE777777')

  await page.getByRole('button', { name: 'تسجيل الصانع' }).click()
  await expect(page.getByText('يرجى تصحيح الحقول المشار إليها.')).toBeVisible()

  const field = (name: string) => page.getByRole('textbox', { name, exact: true })
  const choose = async (label: string, option: string) => {
    await page.getByRole('textbox', { name: label, exact: true }).click()
    await page.getByRole('option', { name: option, exact: true }).click()
  }
  await field('الاسم الشخصي بالعربية').fill('محمد')
  await field('الاسم العائلي بالعربية').fill('العلوي')
  await field('الاسم الشخصي بالحروف اللاتينية').fill('Mohammed')
  await field('الاسم العائلي بالحروف اللاتينية').fill('Alaoui')
  await choose('الجنس', 'ذكر')
  await page.getByLabel('تاريخ الازدياد').fill('1970-01-01')
  await field('الهاتف').fill('0662000000')

  // Same name and birth date as an existing file: shown, compared, and dismissed.
  const panel = page.getByTestId('duplicate-panel')
  await expect(panel).toContainText('اسم مشابه ونفس تاريخ الازدياد')
  await panel.getByRole('button', { name: 'مقارنة' }).click()
  await expect(page.getByRole('dialog')).toContainText('J100001')
  await page.getByRole('dialog').getByRole('button', { name: 'ليس نفس الشخص' }).click()
  await expect(panel).toHaveCount(0)

  await choose('الجهة', 'سوس ماسة')
  await choose('الإقليم أو العمالة', 'تيزنيت')
  await choose('الجماعة', 'تيزنيت')
  await field('العنوان').fill('حي إدزاك، تيزنيت')
  await choose('مكان المزاولة', 'ورشة خاصة')
  await page.getByRole('textbox', { name: 'النشاط الرئيسي', exact: true }).click()
  await page.getByRole('textbox', { name: 'النشاط الرئيسي', exact: true }).fill('فخار')
  await page.getByRole('option').first().click()
  await choose('المؤهل', 'ممارسة الحرفة (3 سنوات على الأقل)')
  await page.getByRole('textbox', { name: 'سنوات الممارسة' }).fill('2')
  await page.getByLabel('نسخة من البطاقة الوطنية').check()
  await page.getByLabel('شهادة مزاولة الحرفة').check()
  await page.getByRole('button', { name: 'تسجيل الصانع' }).click()
  await expect(page.getByText('يلزم 3 سنوات من الممارسة على الأقل.')).toBeVisible()
  await expect(page.getByText('يجب الحصول على موافقة الصانع', { exact: false })).toBeVisible()
  await page.getByRole('textbox', { name: 'سنوات الممارسة' }).fill('15')
  await page.getByLabel('وافق الصانع على معالجة معطياته', { exact: false }).check()
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-register-ar.png`),
    fullPage: true,
  })
  await page.getByRole('button', { name: 'تسجيل الصانع' }).click()

  await expect(page.getByTestId('artisan-name')).toHaveText('محمد العلوي')
  await expect(page.getByText('JE777777')).toBeVisible()

  await page
    .getByTestId('next-steps')
    .getByRole('button', { name: 'ما قبل التسجيل في الضمان الاجتماعي' })
    .click()
  await page.getByRole('textbox', { name: 'رقم الضمان الاجتماعي (اختياري)' }).fill('987654321')
  await page.getByRole('button', { name: 'حفظ الخطوة' }).click()
  await expect(page.getByText('تم تسجيل الخطوة.')).toBeVisible()
  await expect(page.getByTestId('artisan-history')).toContainText('987654321')
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-artisan-file-ar.png`),
    fullPage: true,
  })
})

test('the counter and the artisan file read in French, with CINs and dates left to right', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare((dir) => deskWithArtisans(dir, 'fr'))
  const box = page.getByRole('textbox', { name: 'Rechercher un artisan' })
  await box.fill('mohammed')
  await expect(page.getByTestId('search-result')).toContainText('Mohamed El Alaoui')
  await box.press('Enter')
  await expect(page.getByTestId('artisan-name')).toHaveText('Mohamed El Alaoui')
  await page.getByTestId('next-steps').getByRole('button', { name: 'Inscription au RNA' }).click()
  await page
    .getByRole('textbox', { name: 'NIA obtenu sur la plateforme du RNA' })
    .fill('09 0000 4242')
  await page.getByRole('button', { name: "Enregistrer l'étape" }).click()
  await expect(page.getByTestId('artisan-nia')).toContainText('0900004242')
  await expect(page.getByText('Inscrit au RNA').first()).toBeVisible()
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-artisan-file-fr.png`),
    fullPage: true,
  })
})

test('a clerk corrects a file: the form opens filled, a wrong phone is refused, the correction is saved', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare(deskWithArtisans)
  const box = page.getByRole('textbox', { name: 'البحث عن صانع' })
  await box.fill('J100002')
  await expect(page.getByTestId('search-result')).toContainText('فاطمة أيت باها')
  await box.press('Enter')
  await expect(page.getByTestId('artisan-name')).toHaveText('فاطمة أيت باها')
  await page.getByTestId('edit-file').click()

  await expect(page.getByRole('heading', { name: 'تصحيح ملف الصانع' })).toBeVisible()
  const field = (name: string) => page.getByRole('textbox', { name, exact: true })
  await expect(field('رقم البطاقة الوطنية')).toHaveValue('J100002')
  await expect(field('الاسم العائلي بالعربية')).toHaveValue('أيت باها')
  await expect(field('الهاتف')).toHaveValue('06 61 00 00 02')
  // The file is never its own duplicate.
  await expect(page.getByTestId('duplicate-panel')).toHaveCount(0)

  await field('الهاتف').fill('0661')
  await page.getByRole('button', { name: 'حفظ التغييرات' }).click()
  await expect(page.getByText('رقم هاتف مغربي غير صالح', { exact: false })).toBeVisible()
  await field('الهاتف').fill('0670 12 34 56')
  await field('الاسم العائلي بالعربية').fill('أيت باها أوعلي')
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-edit-ar.png`),
    fullPage: true,
  })
  await page.getByRole('button', { name: 'حفظ التغييرات' }).click()

  await expect(page.getByTestId('artisan-name')).toHaveText('فاطمة أيت باها أوعلي')
  await expect(page.getByText('06 70 12 34 56')).toBeVisible()
  await page.getByRole('link', { name: 'العودة إلى البحث' }).click()
  await page.getByRole('textbox', { name: 'البحث عن صانع' }).fill('أوعلي')
  await expect(page.getByTestId('search-result')).toContainText('فاطمة أيت باها أوعلي')
})

test('a notice stays with the file that made it: a receipt prepared on one file does not show on another opened by address', async ({
  desk,
}) => {
  const page = await desk.prepare(deskWithArtisans)
  const box = page.getByRole('textbox', { name: 'البحث عن صانع' })
  const open = async (cin: string, name: string) => {
    await page.keyboard.press('Alt+Digit1')
    await box.fill(cin)
    await expect(page.getByTestId('search-result')).toHaveCount(1)
    await box.press('Enter')
    await expect(page.getByTestId('artisan-name')).toHaveText(name)
    return page.evaluate(() => window.location.hash)
  }
  const mohamed = await open('J100001', 'محمد العلوي')
  const fatima = await open('J100002', 'فاطمة أيت باها')
  const documents = page.getByTestId('documents')
  await documents.getByRole('button', { name: 'طباعة وصل الإيداع' }).click()
  await expect(page.getByRole('dialog').getByTestId('preview-page').first()).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(documents.getByRole('status')).toContainText('R-09-')

  // Straight to another file by its address: no notice of Fatima's receipt there.
  await page.evaluate((h) => (window.location.hash = h), mohamed)
  await expect(page.getByTestId('artisan-name')).toHaveText('محمد العلوي')
  await expect(documents.getByRole('status')).toHaveCount(0)
  await expect(documents.getByTestId('document-row')).toHaveCount(0)
  await page.evaluate((h) => (window.location.hash = h), fatima)
  await expect(documents.getByTestId('document-row')).toHaveCount(1)
  await expect(documents.getByRole('status')).toHaveCount(0)
})
