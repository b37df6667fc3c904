/// <reference lib="dom" />
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { ArtisanFile } from '@shared/artisans/records'
import { formatDay, localTodayIso } from '@shared/text/dates'
import { openTestDesk } from '../helpers/temp-desk'
import { deskWithArtisans } from './counter-data'
import { expect, test, type Desk } from './fixtures'

/**
 * Data entry as a clerk does it: the keyboard, dates day first as they stand on a CIN card,
 * choices picked by typing a few letters and Enter — in Arabic and French, with Chromium in
 * an en-US locale (where the native date input reads month first) and in another locale.
 * Every date typed is the date stored (docs/dates.md).
 */

const SHOTS = join(__dirname, '../../test-results/screenshots')
const DOCS = join(__dirname, '../../docs/images')

interface Words {
  register: string
  fixErrors: string
  save: string
  saveChanges: string
  cin: string
  firstNameAr: string
  lastNameAr: string
  firstNameLat: string
  lastNameLat: string
  sex: [string, string, string]
  birthDate: string
  openCalendar: string
  march: string
  phone: string
  region: [string, string]
  province: [string, string, string]
  commune: [string, string]
  address: string
  practice: [string, string, string]
  activity: [string, string]
  qualification: [string, string, string]
  practiceYears: string
  cinCopy: string
  practiceAttestation: string
  consent: string
  noSuchDay: string
  cnss: string
  stepDay: string
  saveStep: string
  planSession: string
  sessionTitle: string
  sessionDay: string
  sessionStart: string
  sessionEnd: string
  sessionProvince: [string, string, string]
  planButton: string
}

/** Labels, and for each choice: the letters typed and the option they must pick. */
const WORDS: Record<'ar' | 'fr', Words> = {
  ar: {
    register: 'تسجيل صانع جديد',
    fixErrors: 'يرجى تصحيح الحقول المشار إليها.',
    save: 'تسجيل الصانع',
    saveChanges: 'حفظ التغييرات',
    cin: 'رقم البطاقة الوطنية',
    firstNameAr: 'الاسم الشخصي بالعربية',
    lastNameAr: 'الاسم العائلي بالعربية',
    firstNameLat: 'الاسم الشخصي بالحروف اللاتينية',
    lastNameLat: 'الاسم العائلي بالحروف اللاتينية',
    sex: ['الجنس', 'ذك', 'ذكر'],
    birthDate: 'تاريخ الازدياد',
    openCalendar: 'فتح التقويم',
    march: 'مارس 1985',
    phone: 'الهاتف',
    region: ['الجهة', 'سوس ماسة'],
    province: ['الإقليم أو العمالة', 'تيزن', 'تيزنيت'],
    commune: ['الجماعة', 'تيزن'],
    address: 'العنوان',
    practice: ['مكان المزاولة', 'ورشة خ', 'ورشة خاصة'],
    activity: ['النشاط الرئيسي', 'فخار'],
    qualification: ['المؤهل', 'ممارسة', 'ممارسة الحرفة (3 سنوات على الأقل)'],
    practiceYears: 'سنوات الممارسة',
    cinCopy: 'نسخة من البطاقة الوطنية',
    practiceAttestation: 'شهادة مزاولة الحرفة',
    consent: 'وافق الصانع على معالجة معطياته',
    noSuchDay: 'هذا اليوم غير موجود في التقويم',
    cnss: 'ما قبل التسجيل في الضمان الاجتماعي',
    stepDay: 'تاريخ الخطوة',
    saveStep: 'حفظ الخطوة',
    planSession: 'تخطيط لقاء',
    sessionTitle: 'العنوان',
    sessionDay: 'اليوم',
    sessionStart: 'البداية',
    sessionEnd: 'النهاية',
    sessionProvince: ['الإقليم', 'تيزن', 'تيزنيت'],
    planButton: 'برمجة اللقاء',
  },
  fr: {
    register: "Inscription d'un nouvel artisan",
    fixErrors: 'Veuillez corriger les champs signalés.',
    save: "Inscrire l'artisan",
    saveChanges: 'Enregistrer les modifications',
    cin: 'CIN',
    firstNameAr: 'Prénom en arabe',
    lastNameAr: 'Nom en arabe',
    firstNameLat: 'Prénom en lettres latines',
    lastNameLat: 'Nom en lettres latines',
    sex: ['Sexe', 'hom', 'Homme'],
    birthDate: 'Date de naissance',
    openCalendar: 'Ouvrir le calendrier',
    march: 'mars 1985',
    phone: 'Téléphone',
    region: ['Région', 'Souss-Massa'],
    province: ['Province ou préfecture', 'tizn', 'Tiznit'],
    commune: ['Commune', 'tizn'],
    address: 'Adresse',
    practice: ["Lieu d'exercice", 'atelier pro', 'Atelier propre'],
    activity: ['Activité principale', 'poterie'],
    qualification: ['Qualification', 'pratique', 'Pratique du métier (3 ans au moins)'],
    practiceYears: 'Années de pratique',
    cinCopy: 'Copie de la CIN',
    practiceAttestation: 'Attestation de pratique',
    consent: "L'artisan consent au traitement de ses données",
    noSuchDay: "Ce jour n'existe pas dans le calendrier",
    cnss: 'Pré-immatriculation CNSS',
    stepDay: "Date de l'étape",
    saveStep: "Enregistrer l'étape",
    planSession: 'Planifier une séance',
    sessionTitle: 'Intitulé',
    sessionDay: 'Jour',
    sessionStart: 'Début',
    sessionEnd: 'Fin',
    sessionProvince: ['Province', 'tizn', 'Tiznit'],
    planButton: 'Planifier',
  },
}

const textbox = (scope: Page | Locator, name: string) =>
  scope.getByRole('textbox', { name, exact: true })

/** Clicks into a field and types as a person does, key by key. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.click()
  await field.press('ControlOrMeta+a')
  await field.press('Backspace')
  await page.keyboard.type(text)
}

/** The file as the desk's API returns it (the app is stopped meanwhile, then reopened). */
async function fileThroughApi(desk: Desk, id: string): Promise<ArtisanFile> {
  let file: ArtisanFile | null = null
  await desk.prepare(async (dir) => {
    const app = openTestDesk(dir)
    try {
      file = await app.direct().call('artisans.get', { id })
    } finally {
      app.close()
    }
  })
  if (!file) throw new Error('file not read')
  return file
}

for (const locale of ['en-US', 'fr-FR'] as const) {
  test.describe(`Chromium in the ${locale} locale`, () => {
    test.use({ locale, viewport: { width: 1366, height: 768 } })

    for (const lang of ['ar', 'fr'] as const) {
      test(`a clerk types day-first dates and picks choices with Enter, in ${lang === 'ar' ? 'Arabic' : 'French'}, and every date is stored as typed (${locale})`, async ({
        desk,
      }, testInfo) => {
        test.setTimeout(150_000)
        const w = WORDS[lang]
        let page = await desk.prepare((dir) => deskWithArtisans(dir, lang))
        expect(await page.evaluate(() => navigator.language)).toBe(locale)
        await page.evaluate(() => (window.location.hash = '#/register?cin=JE777777'))
        await expect(page.getByRole('heading', { name: w.register })).toBeVisible()
        await expect(page.locator('input[type="date"], input[type="time"]')).toHaveCount(0)
        const notSubmitted = async () => {
          await expect(page.getByRole('heading', { name: w.register })).toBeVisible()
          await expect(page.getByText(w.fixErrors)).toHaveCount(0)
        }
        /** Types a few letters into a choice list and presses Enter: the option is picked. */
        const choose = async (label: string, letters: string, option?: string) => {
          const field = textbox(page, label)
          await typeInto(page, field, letters)
          await expect(page.getByRole('option').first()).toBeVisible()
          await page.keyboard.press('Enter')
          if (option) await expect(field).toHaveValue(option)
          else await expect(field).not.toHaveValue(letters)
          await notSubmitted()
        }

        await typeInto(page, textbox(page, w.firstNameAr), 'محمد')
        await typeInto(page, textbox(page, w.lastNameAr), 'البقالي')
        await typeInto(page, textbox(page, w.firstNameLat), 'Mohammed')
        await typeInto(page, textbox(page, w.lastNameLat), 'Bakkali')
        await choose(w.sex[0], w.sex[1], w.sex[2])

        const birth = textbox(page, w.birthDate)
        await typeInto(page, birth, '14/03/1985')
        await expect(birth).toHaveValue('14/03/1985')
        await page.keyboard.press('Tab')
        await expect(birth).toHaveValue('14/03/1985')
        // The calendar beside it opens on that day: weeks from Monday, months in words.
        await page.getByRole('button', { name: w.openCalendar }).first().click()
        const picker = page.getByTestId('date-field-picker')
        await expect(picker).toBeVisible()
        await expect(picker).toContainText(w.march)
        await expect(picker.locator('[data-selected]')).toHaveText('14')
        const next = await picker.locator('[data-direction="next"]').first().boundingBox()
        const previous = await picker.locator('[data-direction="previous"]').first().boundingBox()
        // Right to left in Arabic: the next month is to the left.
        expect((next?.x ?? 0) < (previous?.x ?? 0)).toBe(lang === 'ar')
        if (locale === 'en-US')
          await page.screenshot({ path: join(DOCS, `date-field-${lang}.png`) })
        await page.keyboard.press('Escape')
        await expect(picker).toHaveCount(0)
        await expect(birth).toHaveValue('14/03/1985')
        await typeInto(page, textbox(page, w.phone), '0662000099')

        // The chamber's own region is there already; ↓ on an empty list opens it, and
        // Enter then chooses nothing and submits nothing.
        await expect(textbox(page, w.region[0])).toHaveValue(w.region[1])
        const practice = textbox(page, w.practice[0])
        await practice.click()
        await page.keyboard.press('Escape')
        await page.keyboard.press('ArrowDown')
        await expect(page.getByRole('option').first()).toBeVisible()
        await page.keyboard.press('Enter')
        await expect(practice).toHaveValue('')
        await notSubmitted()
        await page.keyboard.press('Escape')
        await choose(w.practice[0], w.practice[1], w.practice[2])
        // Enter with nothing matching picks nothing and submits nothing either.
        await typeInto(page, textbox(page, w.province[0]), 'zzzz')
        await page.keyboard.press('Enter')
        await notSubmitted()
        await choose(w.province[0], w.province[1], w.province[2])
        await choose(w.commune[0], w.commune[1])
        await typeInto(page, textbox(page, w.address), 'حي إدزاك، تيزنيت')
        await choose(w.activity[0], w.activity[1])
        await choose(w.qualification[0], w.qualification[1], w.qualification[2])
        await typeInto(page, textbox(page, w.practiceYears), '15')
        await page.getByLabel(w.cinCopy).check()
        await page.getByLabel(w.practiceAttestation).check()
        await page.getByLabel(w.consent, { exact: false }).check()
        await page.screenshot({
          path: join(SHOTS, `${testInfo.project.name}-data-entry-${lang}-${locale}.png`),
          fullPage: true,
        })
        await page.getByRole('button', { name: w.save }).click()

        await expect(page.getByTestId('artisan-name')).toBeVisible()
        await expect(page.getByText('14/03/1985')).toBeVisible()
        const id = decodeURIComponent(/#\/artisan\/([^?]+)/.exec(page.url())?.[1] ?? '')
        expect(id).not.toBe('')

        // A path step: today is offered day first; the day typed is the day stored.
        await page.getByTestId('next-steps').getByRole('button', { name: w.cnss }).click()
        const stepDay = textbox(page.getByRole('dialog'), w.stepDay)
        await expect(stepDay).toHaveValue(formatDay(localTodayIso()))
        await typeInto(page, stepDay, '02/01/2026')
        await page.getByRole('button', { name: w.saveStep }).click()
        await expect(page.getByRole('dialog')).toHaveCount(0)
        await expect(page.getByTestId('artisan-history')).toContainText('02/01/2026')

        // Correcting the birth date: an impossible day is refused under the field, and the
        // form does not keep the previous day behind it; 05/11/1990 is the 5th of November.
        await page.evaluate((i) => (window.location.hash = `#/register?edit=${i}`), id)
        const edit = textbox(page, w.birthDate)
        await expect(edit).toHaveValue('14/03/1985')
        await typeInto(page, edit, '31/02/1990')
        await page.keyboard.press('Tab')
        await expect(page.getByText(w.noSuchDay)).toBeVisible()
        await page.getByRole('button', { name: w.saveChanges }).click()
        await expect(page.getByText(w.fixErrors)).toBeVisible()
        await typeInto(page, edit, '140385')
        await page.keyboard.press('Tab')
        await expect(edit).toHaveValue('14/03/1985')
        await expect(page.getByText(w.noSuchDay)).toHaveCount(0)
        await typeInto(page, edit, '05/11/1990')
        await page.keyboard.press('Tab')
        await page.getByRole('button', { name: w.saveChanges }).click()
        await expect(page.getByTestId('artisan-name')).toBeVisible()
        await expect(page.getByText('05/11/1990')).toBeVisible()

        const file = await fileThroughApi(desk, id)
        expect(file.birthDate).toBe('1990-11-05')
        expect(file.events.find((e) => e.step === 'cnss_pre_registered')?.happenedOn).toBe(
          '2026-01-02',
        )
        page = desk.page

        // A session on a future day, typed day first, from 14:30: shown 14:30, never PM.
        const future = new Date(Date.now() + 20 * 864e5)
        const futureIso = localTodayIso(future)
        await page.evaluate(() => (window.location.hash = '#/sessions'))
        await page.getByRole('button', { name: w.planSession }).click()
        const form = page.getByRole('dialog')
        await typeInto(page, textbox(form, w.sessionTitle), 'RNA — Tiznit')
        await typeInto(page, textbox(form, w.sessionDay), formatDay(futureIso))
        await typeInto(page, textbox(form, w.sessionStart), '14:30')
        await typeInto(page, textbox(form, w.sessionEnd), '1700')
        await page.keyboard.press('Tab')
        await expect(textbox(form, w.sessionEnd)).toHaveValue('17:00')
        const province = textbox(form, w.sessionProvince[0])
        await typeInto(page, province, w.sessionProvince[1])
        await page.keyboard.press('Enter')
        await expect(province).toHaveValue(w.sessionProvince[2])
        await expect(form).toBeVisible()
        await page.screenshot({
          path: join(SHOTS, `${testInfo.project.name}-data-entry-session-${lang}-${locale}.png`),
        })
        await form.getByRole('button', { name: w.planButton, exact: true }).click()
        await expect(page.getByRole('heading', { name: 'RNA — Tiznit' })).toBeVisible()
        const header = page.locator('main')
        await expect(header).toContainText('14:30')
        await expect(header).toContainText(formatDay(futureIso))
        await expect(header).not.toContainText(/\b(AM|PM)\b/)

        // The dashboard's period: two date fields, day first, as everywhere.
        await page.evaluate(() => (window.location.hash = '#/reports'))
        await expect(page.locator('[data-date-field]').first()).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/)
        await page.screenshot({
          path: join(SHOTS, `${testInfo.project.name}-data-entry-dashboard-${lang}-${locale}.png`),
        })
      })
    }
  })
}
