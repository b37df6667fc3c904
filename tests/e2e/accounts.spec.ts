import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { deskWithArtisans } from './counter-data'
import { expect, logIn, test } from './fixtures'

const SHOTS = join(__dirname, '../../test-results/screenshots')

/** Adds an account on the Accounts tab (Arabic), with a temporary password. */
async function addAccount(page: Page, fullName: string, username: string, role: string) {
  await page.getByRole('button', { name: 'إضافة حساب' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('textbox', { name: 'الاسم الكامل' }).fill(fullName)
  await dialog.getByRole('textbox', { name: 'اسم المستخدم' }).fill(username)
  await dialog.getByRole('checkbox', { name: 'موظف الشباك', exact: true }).uncheck()
  await dialog.getByRole('checkbox', { name: role, exact: true }).check()
  await dialog.getByLabel('كلمة مرور مؤقتة').fill('temporaire-2026')
  await dialog.getByRole('button', { name: 'إنشاء الحساب' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

/**
 * The show-password eye of a field and the room its text has: the eye must stand outside
 * the text's box (the input's box less its padding), whatever the page's direction.
 */
async function eyeAndText(page: Page, label: string) {
  return page.getByLabel(label, { exact: true }).evaluate((input) => {
    const box = input.getBoundingClientRect()
    const style = getComputedStyle(input)
    const eye = input
      .closest('.mantine-PasswordInput-root')
      ?.querySelector('.mantine-PasswordInput-visibilityToggle')
      ?.getBoundingClientRect()
    return {
      textFrom: box.left + parseFloat(style.paddingLeft),
      textTo: box.right - parseFloat(style.paddingRight),
      eyeFrom: eye?.left ?? Number.NaN,
      eyeTo: eye?.right ?? Number.NaN,
    }
  })
}

/**
 * Logs out, logs in with the temporary password, and chooses one's own, keyboard only: the
 * temporary password just typed is not asked again; the new one twice, then Enter.
 */
async function firstLogin(page: Page, username: string, shot?: string) {
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: 'خروج' }).click()
  await logIn(page, { username, password: 'temporaire-2026' })
  await expect(page.getByRole('heading', { name: 'اختر كلمة مرورك' })).toBeVisible()
  await expect(page.getByLabel('كلمة المرور الحالية')).toHaveCount(0)
  await expect(page.getByLabel('كلمة المرور الجديدة', { exact: true })).toBeFocused()
  await page.keyboard.type(`${username}-own-secret`)
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('أعد كتابة كلمة المرور', { exact: true })).toBeFocused()
  await page.keyboard.type(`${username}-own-secret`)
  // The eye stands beside the characters, never over them, in Arabic too.
  for (const label of ['كلمة المرور الجديدة', 'أعد كتابة كلمة المرور']) {
    const { textFrom, textTo, eyeFrom, eyeTo } = await eyeAndText(page, label)
    expect(eyeFrom >= textTo - 0.5 || eyeTo <= textFrom + 0.5, label).toBe(true)
  }
  if (shot) {
    await page.locator('.mantine-PasswordInput-visibilityToggle').first().click()
    await page.screenshot({ path: join(SHOTS, shot) })
  }
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('user-menu')).toBeVisible()
}

test('an administrator creates a clerk; the clerk cannot open settings or accounts, registers an artisan that waits for approval; a supervisor approves it', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare(deskWithArtisans)
  await expect(page.getByTestId('user-menu')).toHaveText('Amina Idrissi')
  await page.keyboard.press('Alt+Digit8')
  await page.getByRole('tab', { name: 'الحسابات' }).click()
  await addAccount(page, 'يوسف أيت باها', 'youssef', 'موظف الشباك')
  await addAccount(page, 'خديجة أمزيان', 'khadija', 'مشرف')
  await expect(page.getByTestId('user-row')).toHaveCount(3)
  await expect(page.getByTestId('user-row').filter({ hasText: 'youssef' })).toContainText(
    'ينتظر كلمة مرور جديدة',
  )
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-accounts-ar.png`) })

  // The clerk: a new password first; then only the clerk's sections.
  await firstLogin(page, 'youssef', `${testInfo.project.name}-choose-password-ar.png`)
  const nav = page.getByRole('navigation')
  await expect(nav.getByRole('link')).toHaveCount(5)
  await expect(nav.getByRole('link', { name: /الإعدادات/ })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: /الإدارة/ })).toHaveCount(0)
  for (const hash of ['#/settings', '#/admin']) {
    await page.evaluate((h) => (window.location.hash = h), hash)
    await expect(page.getByTestId('not-allowed')).toBeVisible()
  }
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-clerk-not-allowed-ar.png`) })

  // The clerk registers a new artisan: the file waits for a supervisor's approval.
  await page.keyboard.press('Alt+Digit1')
  await page.getByRole('textbox', { name: 'البحث عن صانع' }).fill('JE777777')
  await page.getByRole('link', { name: /تسجيل صانع جديد بـ/ }).click()
  const field = (name: string) => page.getByRole('textbox', { name, exact: true })
  const choose = async (label: string, option: string) => {
    await field(label).click()
    await page.getByRole('option', { name: option, exact: true }).click()
  }
  await field('الاسم الشخصي بالعربية').fill('حسن')
  await field('الاسم العائلي بالعربية').fill('أوبلا')
  await field('الاسم الشخصي بالحروف اللاتينية').fill('Hassan')
  await field('الاسم العائلي بالحروف اللاتينية').fill('Oubella')
  await choose('الجنس', 'ذكر')
  await page.getByLabel('تاريخ الازدياد').fill('1985-05-05')
  await field('الهاتف').fill('0662000000')
  await choose('الجهة', 'سوس ماسة')
  await choose('الإقليم أو العمالة', 'تيزنيت')
  await choose('الجماعة', 'تيزنيت')
  await field('العنوان').fill('حي إدزاك، تيزنيت')
  await choose('مكان المزاولة', 'ورشة خاصة')
  await field('النشاط الرئيسي').click()
  await field('النشاط الرئيسي').fill('فخار')
  await page.getByRole('option').first().click()
  await choose('المؤهل', 'ممارسة الحرفة (3 سنوات على الأقل)')
  await page.getByRole('textbox', { name: 'سنوات الممارسة' }).fill('12')
  await page.getByLabel('نسخة من البطاقة الوطنية').check()
  await page.getByLabel('شهادة مزاولة الحرفة').check()
  await page.getByLabel('وافق الصانع على معالجة معطياته', { exact: false }).check()
  await page.getByRole('button', { name: 'تسجيل الصانع' }).click()
  await expect(page.getByTestId('artisan-name')).toHaveText('حسن أوبلا')
  await expect(page.getByTestId('approval-banner')).toBeVisible()
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-waiting-approval-ar.png`) })

  // The supervisor sees it in the queue and approves it.
  await firstLogin(page, 'khadija')
  await page.keyboard.press('Alt+Digit8')
  const request = page.getByTestId('approval').filter({ hasText: 'JE777777' })
  await expect(request).toBeVisible()
  await expect(request).toContainText('يوسف أيت باها')
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-approvals-ar.png`),
    fullPage: true,
  })
  await request.getByTestId('approval-approve').click()
  await expect(page.getByTestId('approval').filter({ hasText: 'JE777777' })).toHaveCount(0)
  // The supervisor has the queue and the audit, not the accounts.
  await expect(page.getByRole('tab', { name: 'الحسابات' })).toHaveCount(0)
  // The audit log names who did what; its chain verifies intact.
  await page.getByRole('tab', { name: 'سجل التدقيق' }).click()
  await expect(page.getByTestId('audit-row').first()).toBeVisible()
  await expect(page.getByTestId('audit-list')).toContainText('يوسف أيت باها')
  await page.getByRole('button', { name: 'التحقق من السلسلة' }).click()
  await expect(page.getByTestId('audit-intact')).toBeVisible()
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-audit-ar.png`) })

  await page.keyboard.press('Alt+Digit1')
  await page.getByRole('textbox', { name: 'البحث عن صانع' }).fill('JE777777')
  await page.getByTestId('search-result').first().click()
  await expect(page.getByTestId('artisan-name')).toHaveText('حسن أوبلا')
  await expect(page.getByTestId('approval-banner')).toHaveCount(0)
})

test('the desk locks and keeps the work on screen; only its user’s password opens it again', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare((dir) => deskWithArtisans(dir, 'fr'))
  const box = page.getByRole('textbox', { name: 'Rechercher un artisan' })
  await box.fill('Ait Ba')
  await expect(page.getByTestId('search-result')).toContainText('Fatima Ait Baha')
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: 'Verrouiller maintenant' }).click()
  const lock = page.getByRole('dialog', { name: 'Poste verrouillé' })
  await expect(lock).toBeVisible()
  await lock.getByLabel('Mot de passe').fill('not the password')
  await lock.getByRole('button', { name: 'Déverrouiller' }).click()
  await expect(lock.getByText('Identifiant ou mot de passe incorrect.')).toBeVisible()
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-locked-fr.png`) })
  await lock.getByLabel('Mot de passe').fill('souss-massa-2026')
  await lock.getByRole('button', { name: 'Déverrouiller' }).click()
  await expect(lock).toHaveCount(0)
  // The work in progress is where it was.
  await expect(box).toHaveValue('Ait Ba')
  await expect(page.getByTestId('search-result')).toContainText('Fatima Ait Baha')
})
