/// <reference lib="dom" />
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { createApiClient } from '@shared/api/client'
import type { Actor } from '@shared/api/roles'
import { createUser } from '../../electron/services/accounts/users'
import { testCodes, validRegistration } from '../helpers/registration'
import { openTestDesk } from '../helpers/temp-desk'
import { deskWithArtisans } from './counter-data'
import { ADMIN, expect, logIn, test } from './fixtures'

const SHOTS = join(__dirname, '../../test-results/screenshots')

/**
 * One counter PC shared all day: each person who logs in lands on their own home with
 * nothing of the previous person's screens, searches or history; the counter's keyboard
 * flow (a card reader's CIN + Enter, Back to the search, a registration kept as a draft,
 * the list's rows by keyboard); a file waiting for approval offers only the steps it may.
 */
const CLERK = { username: 'youssef', fullName: 'يوسف أيت باها', password: 'guichet-2026-youssef' }

const WORDS = {
  ar: {
    search: 'البحث عن صانع',
    admin: 'الإدارة',
    registerNew: 'تسجيل صانع جديد',
    cin: 'رقم البطاقة الوطنية',
    firstNameAr: 'الاسم الشخصي بالعربية',
    lastNameAr: 'الاسم العائلي بالعربية',
    list: 'الصناع التقليديون',
    logout: 'خروج',
    rnaSubmitted: 'الإيداع في السجل الوطني',
    cnss: 'ما قبل التسجيل في الضمان الاجتماعي',
  },
  fr: {
    search: 'Rechercher un artisan',
    admin: 'Administration',
    registerNew: 'Inscrire un nouvel artisan',
    cin: 'CIN',
    firstNameAr: 'Prénom en arabe',
    lastNameAr: 'Nom en arabe',
    list: 'Artisans',
    logout: 'Se déconnecter',
    rnaSubmitted: 'Dépôt au RNA',
    cnss: 'Pré-immatriculation CNSS',
  },
} as const

/** The three artisans of the counter specs, a clerk, and a file the clerk registered (waiting). */
function sharedDesk(lang: 'ar' | 'fr') {
  return async (dataDir: string) => {
    await deskWithArtisans(dataDir, lang)
    const app = openTestDesk(dataDir)
    try {
      await app.direct().call('auth.createAdministrator', ADMIN)
      const user = await createUser(
        app.db,
        { id: 'desk:test', name: 'test', roles: ['administrator'] },
        { ...CLERK, roles: ['clerk'] },
        { mustChangePassword: false },
      )
      const clerk: Actor = { id: user.id, name: user.fullName, roles: ['clerk'] }
      const ctx = { actor: clerk, transport: 'http' as const, auth: 'active' as const }
      const asClerk = createApiClient({
        kind: 'http',
        call: (method, input) => app.router.call(ctx, method, input),
      })
      await asClerk.call(
        'artisans.register',
        validRegistration(testCodes(app.db), {
          cin: 'JH300004',
          firstNameAr: 'حسن',
          lastNameAr: 'أوبلا',
          firstNameLat: 'Hassan',
          lastNameLat: 'Oubella',
          phone: '0662300004',
          birthDate: '1985-05-05',
        }),
      )
    } finally {
      app.close()
    }
  }
}

const hash = (page: Page) => page.evaluate(() => window.location.hash)

async function logOut(page: Page, words: (typeof WORDS)['ar' | 'fr']) {
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: words.logout }).click()
  await expect(page.locator('input[autocomplete="username"]')).toBeVisible()
}

for (const lang of ['ar', 'fr'] as const) {
  const words = WORDS[lang]

  test(`two people one after the other on one desk: the second lands at home with nothing of the first, Back included (${lang})`, async ({
    desk,
  }) => {
    const page = await desk.prepare(sharedDesk(lang))
    const box = page.getByRole('textbox', { name: words.search })
    // The administrator: a search, Administration, a file.
    await expect(box).toBeFocused()
    await box.fill('J100001')
    await expect(page.getByTestId('search-result')).toHaveCount(1)
    await page.keyboard.press('Alt+Digit8')
    await expect(page.getByRole('heading', { name: words.admin, level: 2 })).toBeVisible()
    await page.keyboard.press('Alt+Digit1')
    await box.fill('J100002')
    await expect(page.getByTestId('search-result')).toHaveCount(1)
    await box.press('Enter')
    await expect(page.getByTestId('artisan-name')).toBeVisible()
    await logOut(page, words)
    expect(await hash(page)).toBe('#/')

    // The clerk: the counter, an empty box, nothing of the administrator's.
    await logIn(page, CLERK)
    await expect(box).toBeFocused()
    await expect(box).toHaveValue('')
    expect(await hash(page)).toBe('#/counter')
    await expect(page.getByTestId('search-result')).toHaveCount(0)
    // The administrator's three screens before the file (its entry became the clerk's home).
    for (let i = 0; i < 3; i++) {
      await page.goBack()
      await expect(page.getByTestId('artisan-name')).toHaveCount(0)
      await expect(page.getByRole('heading', { name: words.admin, level: 2 })).toHaveCount(0)
      await expect(box).toHaveValue('')
      expect(await hash(page)).toBe('#/counter')
    }
  })

  test(`a card reader's CIN and Enter open the file; Back returns to the search as it was (${lang})`, async ({
    desk,
  }) => {
    const page = await desk.prepare(sharedDesk(lang))
    const box = page.getByRole('textbox', { name: words.search })
    await expect(box).toBeFocused()
    await page.keyboard.type('J100002\n', { delay: 0 })
    await expect(page.getByTestId('artisan-nia')).toBeVisible()
    await expect(page.getByText('J100002', { exact: true })).toBeVisible()

    // The browser's Back: the box holds the CIN and its result.
    await page.goBack()
    await expect(box).toHaveValue('J100002')
    await expect(page.getByTestId('search-result')).toHaveCount(1)
    // "Back to the search" on the file does the same.
    await box.press('Enter')
    await expect(page.getByTestId('artisan-nia')).toBeVisible()
    await page.getByTestId('artisan-back').click()
    await expect(box).toHaveValue('J100002')
    await expect(page.getByTestId('search-result')).toHaveCount(1)

    await box.fill('JH300004')
    await expect(page.getByTestId('search-result')).toHaveCount(1)
    await box.press('Enter')
    // A file waiting for approval: the RNA steps wait, with the reason; CNSS goes on.
    const steps = page.getByTestId('next-steps')
    await expect(page.getByTestId('approval-banner')).toBeVisible()
    await expect(steps.getByRole('button', { name: words.rnaSubmitted })).toBeDisabled()
    await expect(steps.getByRole('button', { name: words.cnss })).toBeEnabled()
    await expect(page.getByTestId('held-steps-reason')).toBeVisible()
  })

  test(`a half-filled registration survives Alt+1 as a draft, and resumes (${lang})`, async ({
    desk,
  }, testInfo) => {
    const page = await desk.prepare(sharedDesk(lang))
    await page.getByRole('link', { name: words.registerNew }).click()
    const cin = page.getByRole('textbox', { name: words.cin, exact: true })
    await expect(cin).toBeFocused()
    await page.keyboard.type('JE555001')
    await page.getByRole('textbox', { name: words.firstNameAr, exact: true }).fill('سعاد')
    await page.getByRole('textbox', { name: words.lastNameAr, exact: true }).fill('أمزيان')
    await page.keyboard.press('Alt+Digit1')

    const notice = page.getByTestId('draft-kept')
    await expect(notice).toContainText('سعاد أمزيان')
    await expect(page.getByTestId('draft-row').filter({ hasText: 'سعاد أمزيان' })).toHaveCount(1)
    await page.screenshot({
      path: join(SHOTS, `${testInfo.project.name}-counter-draft-${lang}.png`),
    })
    await notice.getByRole('link').click()
    await expect(cin).toHaveValue('JE555001')
    await expect(page.getByRole('textbox', { name: words.lastNameAr, exact: true })).toHaveValue(
      'أمزيان',
    )

    // Logging out keeps it too, for its author only: the clerk sees none of it.
    await page.getByRole('textbox', { name: words.firstNameAr, exact: true }).fill('سعادة')
    await logOut(page, words)
    await logIn(page, CLERK)
    await expect(page.getByRole('textbox', { name: words.search })).toBeFocused()
    await expect(page.getByTestId('draft-kept')).toHaveCount(0)
    await expect(page.getByTestId('draft-row')).toHaveCount(0)
  })

  test(`the artisans list's rows are reached and opened with the keyboard; Back returns to the list (${lang})`, async ({
    desk,
  }, testInfo) => {
    const page = await desk.prepare(sharedDesk(lang))
    // As a person does: the counter is on screen before the next key.
    await expect(page.getByRole('textbox', { name: words.search })).toBeFocused()
    await page.keyboard.press('Alt+Digit2')
    await expect(page.getByRole('heading', { name: words.list, level: 2 })).toBeVisible()
    const rows = page.getByTestId('list-row')
    await expect(rows).toHaveCount(4)
    // Tab reaches the list: one row at a time is in the Tab order.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      if (await rows.first().evaluate((el) => el === document.activeElement)) break
    }
    await expect(rows.first()).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(rows.nth(1)).toBeFocused()
    await page.screenshot({
      path: join(SHOTS, `${testInfo.project.name}-artisans-list-${lang}.png`),
    })
    const row = await rows.nth(1).innerText()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('artisan-name')).toBeVisible()
    expect(row).toContain(await page.getByTestId('artisan-name').innerText())
    await page.goBack()
    await expect(rows).toHaveCount(4)
  })
}
