/// <reference lib="dom" />
import { join } from 'node:path'
import { ADMIN, expect, test } from './fixtures'

const SHOTS = join(__dirname, '../../test-results/screenshots')

test('an administrator sets up a new desk in Arabic, switches to French, and finds everything after a reload and a restart', async ({
  desk,
}, testInfo) => {
  const page = desk.page
  const shot = (name: string) =>
    page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-${name}.png`), fullPage: true })

  // Arabic by default, right to left.
  await expect(page.getByRole('heading', { name: 'إعداد المكتب لأول مرة' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await shot('setup-ar-empty')

  // Saving an empty form shows translated field errors and keeps the desk unconfigured.
  await page.getByRole('button', { name: 'حفظ وبدء العمل' }).click()
  await expect(page.getByText('يرجى تصحيح الحقول المشار إليها.')).toBeVisible()
  await expect(page.getByText('هذا الحقل إلزامي.').first()).toBeVisible()

  // Choosing the region fills the chamber's usual names.
  await page.getByRole('textbox', { name: 'الجهة' }).click()
  await page.getByRole('option', { name: 'سوس ماسة' }).click()
  await expect(page.getByRole('textbox', { name: 'اسم الغرفة بالعربية' })).toHaveValue(
    'غرفة الصناعة التقليدية لجهة سوس ماسة',
  )
  await expect(page.getByRole('textbox', { name: 'اسم الغرفة بالفرنسية' })).toHaveValue(
    "Chambre d'Artisanat de la Région Souss-Massa",
  )

  await page.getByRole('textbox', { name: 'العنوان' }).fill('شارع الحسن الثاني، أكادير')
  const phone = page.getByRole('textbox', { name: 'الهاتف' })
  await phone.fill('12 34')
  await phone.blur()
  await expect(page.getByText('رقم هاتف مغربي غير صالح', { exact: false })).toBeVisible()
  await phone.fill('٠٥٢٨٢٢٣٣٤٤')
  await phone.blur()
  await expect(phone).toHaveValue('05 28 22 33 44')

  // Digit groups inside Arabic text read left to right: in "مثال: 05 28 12 34 56" the
  // label is rightmost and "05" stands left of "56".
  const hint = page.getByText('مثال: ', { exact: false }).filter({ hasText: '05' })
  const x = await hint.evaluate((el) => {
    const node = el.firstChild as Text
    const at = (s: string) => {
      const range = document.createRange()
      const i = node.data.indexOf(s)
      range.setStart(node, i)
      range.setEnd(node, i + s.length)
      return range.getBoundingClientRect().x
    }
    return { label: at('مثال'), first: at('05'), last: at('56') }
  })
  expect(x.first).toBeLessThan(x.last)
  expect(x.last).toBeLessThan(x.label)
  await page.getByRole('textbox', { name: 'اسم المكتب' }).fill('الشباك 1 — المقر الجهوي')
  await shot('setup-ar-filled')
  await page.getByRole('button', { name: 'حفظ وبدء العمل' }).click()

  // The desk's first administrator, then the key's recovery code, shown once.
  await expect(page.getByRole('heading', { name: 'المسؤول الأول عن المكتب' })).toBeVisible()
  await page.getByRole('textbox', { name: 'الاسم الكامل' }).fill(ADMIN.fullName)
  await page.getByRole('textbox', { name: 'اسم المستخدم' }).fill(ADMIN.username)
  await page.getByLabel('كلمة المرور الجديدة', { exact: true }).fill(ADMIN.password)
  await page.getByLabel('أعد كتابة كلمة المرور', { exact: true }).fill('not the same')
  await expect(page.getByText('كلمتا المرور غير متطابقتين.')).toBeVisible()
  await page.getByLabel('أعد كتابة كلمة المرور', { exact: true }).fill(ADMIN.password)
  await page.getByRole('button', { name: 'إنشاء الحساب' }).click()
  await expect(page.getByTestId('recovery-code')).toHaveAttribute(
    'data-code',
    /^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/,
  )
  await shot('recovery-code-ar')
  await page.getByTestId('recovery-code-stored').check()
  await page.getByTestId('recovery-code-panel').locator('button').last().click()

  // The shell: the chamber in the header, the sections in the navigation.
  await expect(page.getByTestId('header-chamber')).toHaveText(
    'غرفة الصناعة التقليدية لجهة سوس ماسة',
  )
  await expect(page.getByTestId('header-desk')).toContainText('الشباك 1 — المقر الجهوي')
  await expect(page.getByRole('navigation').getByRole('link')).toHaveCount(8)
  await shot('shell-ar')

  // Keyboard: Alt+7 opens Settings; switch the language to French there.
  await page.keyboard.press('Alt+Digit7')
  await expect(page.getByRole('heading', { name: 'الإعدادات', level: 2 })).toBeVisible()
  await expect(page.getByTestId('audit-count')).toContainText('سجل التدقيق')
  await page.getByRole('main').getByText('Français').click()
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 2 })).toBeVisible()
  await expect(page.getByTestId('header-chamber')).toHaveText(
    "Chambre d'Artisanat de la Région Souss-Massa",
  )
  await shot('settings-fr')

  // A reload keeps the language, the screen and the data.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 2 })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Téléphone' })).toHaveValue('05 28 22 33 44')
  await shot('settings-fr-reloaded')

  // So does a restart of the app on the same data folder.
  const again = await desk.reopen()
  await expect(again.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(again.getByTestId('header-chamber')).toHaveText(
    "Chambre d'Artisanat de la Région Souss-Massa",
  )
  await expect(again.getByTestId('header-desk')).toContainText('الشباك 1 — المقر الجهوي')
})

test('the setup page speaks French when the clerk chooses it, errors included', async ({
  desk,
}, testInfo) => {
  const page = desk.page
  await page.getByText('Français').click()
  await expect(page.getByRole('heading', { name: 'Première configuration du poste' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  await page.getByRole('button', { name: 'Enregistrer et commencer' }).click()
  await expect(page.getByText('Ce champ est obligatoire.').first()).toBeVisible()
  await page.getByRole('textbox', { name: 'Nom de la chambre en arabe' }).fill('Chambre')
  await page.getByRole('textbox', { name: 'Nom de la chambre en arabe' }).blur()
  await expect(page.getByText('Écrivez le nom en lettres arabes.')).toBeVisible()
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-setup-fr-errors.png`),
    fullPage: true,
  })
})
