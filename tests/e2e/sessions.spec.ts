import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { deskWithArtisans } from './counter-data'
import { expect, test } from './fixtures'

const SHOTS = join(__dirname, '../../test-results/screenshots')
const day = (offset: number) => new Date(Date.now() + offset * 864e5).toISOString().slice(0, 10)

/** The preview opened by a print: pages drawn, saved as PDF, its text read, then closed. */
async function previewed(page: Page, closeLabel: string): Promise<string> {
  const preview = page.getByRole('dialog')
  await expect(preview.getByTestId('preview-page').first()).toHaveAttribute('data-drawn', 'true')
  const download = page.waitForEvent('download')
  await preview.getByRole('button', { name: /PDF/ }).click()
  const file = await download
  const text = execFileSync('pdftotext', ['-raw', await file.path(), '-']).toString('utf8')
  await preview.getByRole('button', { name: closeLabel, exact: true }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  return text
}

test('an organiser plans a session, invites, prints, checks people in, closes it and reads its report', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare((dir) => deskWithArtisans(dir, 'fr'))
  await expect(page.getByRole('heading', { name: 'Guichet', level: 2 })).toBeVisible()
  await expect(page.getByTestId('upcoming-sessions')).toContainText('Aucune séance prévue.')
  await page.keyboard.press('Alt+Digit4')
  await page.getByRole('button', { name: 'Planifier une séance' }).click()

  // Plan: a day already past is refused under its field; today is accepted.
  const form = page.getByRole('dialog')
  const choose = async (label: string, option: string) => {
    await form.getByRole('textbox', { name: label, exact: true }).fill(option)
    await page.getByRole('option', { name: option, exact: true }).click()
  }
  await form
    .getByRole('textbox', { name: 'Intitulé', exact: true })
    .fill('Inscription au RNA et AMO — Tiznit')
  await form.getByRole('textbox', { name: 'Jour', exact: true }).fill(day(-1))
  await form.getByRole('textbox', { name: 'Début', exact: true }).fill('08:00')
  await form.getByRole('textbox', { name: 'Fin', exact: true }).fill('23:59')
  await choose('Province', 'Tiznit')
  await choose('Commune', 'Tiznit')
  await form
    .getByRole('textbox', { name: 'Lieu (salle, adresse)', exact: true })
    .fill('Salle des fêtes, Tiznit')
  await form.getByRole('button', { name: 'Ajouter un partenaire' }).click()
  await form.getByRole('textbox', { name: 'Type de partenaire' }).click()
  await page.getByRole('option', { name: 'Agence CNSS' }).click()
  await form
    .getByRole('textbox', { name: 'Nom du partenaire', exact: true })
    .fill('Agence CNSS de Tiznit')
  await form
    .getByRole('textbox', { name: 'Contact (personne, téléphone)', exact: true })
    .fill('M. Amrani 05 28 60 00 00')
  await form.getByRole('button', { name: 'Planifier', exact: true }).click()
  await expect(form.getByText('Une séance ne se planifie pas dans le passé')).toBeVisible()
  await form.getByRole('textbox', { name: 'Jour', exact: true }).fill(day(0))
  await form.getByRole('button', { name: 'Planifier', exact: true }).click()
  await expect(
    page.getByRole('heading', { name: 'Inscription au RNA et AMO — Tiznit' }),
  ).toBeVisible()
  await expect(page.getByTestId('session-status')).toHaveText('Prévue')

  // Invite: the artisans of the register not yet registered in the RNA.
  await expect(page.getByTestId('invite-count')).toContainText('3 artisans correspondent')
  await page.getByRole('button', { name: 'Inviter 3 artisans' }).click()
  await expect(page.getByTestId('invitee-row')).toHaveCount(3)
  await expect(page.getByTestId('invited-total')).toHaveText('3 invités')
  const csvDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter noms et téléphones (CSV)' }).click()
  const csv = readFileSync(await (await csvDownload).path(), 'utf8')
  expect(csv).toContain('06 61 00 00 02')
  expect(csv).toContain('Ait Baha')
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-session-invitations-fr.png`),
  })

  // Materials: handouts in the three languages, and the attendance sheet.
  await page.getByRole('tab', { name: 'Documents à imprimer' }).click()
  await page.getByTestId('handout-rna-ar').getByRole('button').first().click()
  expect(await previewed(page, 'Fermer')).toContain('الوطني')
  await page.getByTestId('handout-amo-zgh').getByRole('button').first().click()
  const tifinagh = await previewed(page, 'Fermer')
  expect(tifinagh).toMatch(/[\u2D30-\u2D7F]{4,}/)
  expect(tifinagh).toContain('135')
  await page.getByTestId('handout-rna-fr').getByRole('button').first().click()
  expect(await previewed(page, 'Fermer')).toContain('Registre national')
  await page.getByRole('button', { name: 'Feuille de présence (Français)' }).click()
  const sheet = await previewed(page, 'Fermer')
  expect(sheet).toContain('J100001')
  expect(sheet).toContain('Ait Baha')

  // Check in at the door, keyboard only: a CIN and Enter at once (a card reader does so,
  // before the answer comes), the person is in, the box empty and focused for the next.
  await page.getByRole('tab', { name: /Accueil et présence/ }).click()
  const door = page.getByRole('textbox', { name: 'Chercher par CIN, téléphone ou nom' })
  await expect(door).toBeFocused()
  await page.keyboard.type('J100001')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('check-in-notice')).toContainText('Mohamed El Alaoui')
  await expect(page.getByTestId('check-in-notice')).toContainText('est marqué présent')
  await expect(door).toHaveValue('')
  await expect(door).toBeFocused()
  await expect(page.getByTestId('present-row')).toHaveCount(1)
  // Two matches: the first is highlighted; ↓ and ↑ move; Enter acts on the highlighted one.
  await page.keyboard.type('J10')
  const matches = page.getByTestId('door-result')
  await expect(matches).toHaveCount(2)
  await expect(matches.first()).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowDown')
  await expect(matches.nth(1)).toHaveAttribute('aria-selected', 'true')
  await expect(matches.first()).toHaveAttribute('aria-selected', 'false')
  const second = (await matches.nth(1).innerText()).includes('J100001') ? 'J100001' : 'J100002'
  const first = second === 'J100001' ? 'J100002' : 'J100001'
  await page.keyboard.press('ArrowUp')
  await expect(matches.first()).toHaveAttribute('aria-selected', 'true')
  await expect(matches.first()).toContainText(first)
  if (first === 'J100001') {
    // Already in: Enter says so and marks nobody twice.
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('check-in-notice')).toContainText('déjà marqué présent')
    await page.keyboard.press('ArrowDown')
  }
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('check-in-notice')).toContainText('Fatima Ait Baha')
  await expect(page.getByTestId('present-row')).toHaveCount(2)
  await expect(door).toHaveValue('')
  await expect(door).toBeFocused()
  // The one already in, typed again: said so, still two present.
  await page.keyboard.type('J100002')
  await expect(matches).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('check-in-notice')).toContainText('déjà marqué présent')
  await expect(page.getByTestId('present-row')).toHaveCount(2)
  await page.keyboard.press('Escape')
  await expect(door).toHaveValue('')

  const walkIn = async (fill: Record<string, string>) => {
    await page.getByRole('button', { name: 'Venu sans invitation' }).click()
    const modal = page.getByRole('dialog')
    for (const [label, value] of Object.entries(fill))
      await modal.getByRole('textbox', { name: label, exact: true }).fill(value)
    await modal.getByRole('button', { name: 'Identifier et marquer présent' }).click()
    return modal
  }
  // Fatima's CIN is in the register and she is already in: the desk says so, nothing lost.
  const again = await walkIn({
    'Prénom en arabe': 'فاطمة',
    'Nom en arabe': 'أيت باها',
    CIN: 'J100002',
  })
  await expect(again.getByRole('alert')).toContainText('déjà')
  await again.getByRole('button', { name: 'Annuler' }).click()
  await walkIn({
    'Prénom en arabe': 'حسن',
    'Nom en arabe': 'أوبلا',
    CIN: 'K45678',
    Téléphone: '0662334455',
  })
  await expect(page.getByTestId('check-in-notice')).toContainText('identifié et marqué présent')
  await expect(page.getByTestId('present-row')).toHaveCount(3)
  await expect(page.getByTestId('present-total')).toHaveText('3 présents')
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-session-check-in-fr.png`) })

  // Held, then the report and the outcomes.
  await page.getByRole('button', { name: 'Marquer comme tenue' }).click()
  await expect(page.getByTestId('session-status')).toHaveText('Tenue')
  await page.getByRole('tab', { name: 'Documents à imprimer' }).click()
  await page.getByRole('button', { name: 'Compte rendu (Français)' }).click()
  const report = await previewed(page, 'Fermer')
  expect(report).toContain('Agence CNSS de Tiznit')
  expect(report).toMatch(/3\s+Présents/)
  await page.getByRole('tab', { name: 'Résultats' }).click()
  await expect(page.getByTestId('outcome-attended')).toHaveText('3')
  await expect(page.getByTestId('outcome-walk-ins')).toHaveText('1')
  await expect(page.getByTestId('outcome-invited-attended')).toHaveText('2')

  // The same screens in Arabic; the home screen lists the session.
  await page.getByText('العربية', { exact: true }).click()
  await expect(page.getByTestId('session-status')).toHaveText('منعقد')
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-session-outcomes-ar.png`),
    fullPage: true,
  })
  await page.getByRole('tab', { name: /تسجيل الحضور/ }).click()
  await expect(page.getByTestId('present-row')).toHaveCount(3)
  // The door's search in Arabic, by keyboard: the match highlighted, ready for Enter.
  await page.keyboard.type('JB200003')
  await expect(page.getByTestId('door-result')).toHaveCount(1)
  await expect(page.getByTestId('door-result').first()).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('door-result').first()).toContainText('مصطفى الإدريسي')
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-session-check-in-ar.png`),
    fullPage: true,
  })
  await page.keyboard.press('Alt+Digit1')
  await expect(page.getByTestId('upcoming-sessions')).toContainText(
    'Inscription au RNA et AMO — Tiznit',
  )
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-home-sessions-ar.png`),
    fullPage: true,
  })
})

test('an organiser rewrites a handout in Amazigh, is refused an empty text, and goes back to Sijill’s text', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare((dir) => deskWithArtisans(dir, 'fr'))
  await expect(page.getByRole('heading', { name: 'Guichet', level: 2 })).toBeVisible()
  await page.keyboard.press('Alt+Digit4')
  await page.getByRole('tab', { name: 'Textes des dépliants' }).click()
  const main = page.getByRole('main')
  await main.getByText('Amazighe (tifinagh)', { exact: true }).click()
  const body = page.getByTestId('handout-body')
  await expect(body).toHaveValue(/[\u2D30-\u2D7F]{4,}/)
  await expect(main.getByText("Texte d'origine de Sijill")).toBeVisible()

  await body.fill('   ')
  await page.getByRole('button', { name: 'Enregistrer le texte' }).click()
  await expect(main.getByText('Ce champ est obligatoire.')).toBeVisible()
  await body.fill('# ⴰⵎⴰⵡⴰⵍ\n- ⴰⵙⵍⴽⵉⵏ ⴷ CIN.')
  await page.getByRole('button', { name: 'Enregistrer le texte' }).click()
  await expect(main.getByText('Texte enregistré.')).toBeVisible()
  await expect(main.getByText('Texte de la chambre')).toBeVisible()
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-handout-text-fr.png`) })

  // The printed handout carries the chamber's words.
  await main.getByRole('button', { name: 'RNA · Amazighe (tifinagh)' }).click()
  expect(await previewed(page, 'Fermer')).toContain('ⴰⵙⵍⴽⵉⵏ')

  // Another language keeps Sijill's text; going back restores it here too.
  await main.getByText('Arabe', { exact: true }).click()
  await expect(main.getByText("Texte d'origine de Sijill")).toBeVisible()
  await main.getByText('Amazighe (tifinagh)', { exact: true }).click()
  await expect(body).toHaveValue(/ⴰⵙⵍⴽⵉⵏ ⴷ CIN/)
  await page.getByRole('button', { name: 'Revenir au texte de Sijill' }).click()
  await expect(main.getByText("Texte d'origine de Sijill")).toBeVisible()
  await expect(body).not.toHaveValue(/ⴰⵙⵍⴽⵉⵏ ⴷ CIN/)
})

test('an organiser creates a caravan, adds two stops and reads its totals', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare(deskWithArtisans)
  await expect(page.getByRole('heading', { name: 'الشباك', level: 2 })).toBeVisible()
  await page.keyboard.press('Alt+Digit4')
  await page.getByRole('tab', { name: 'القوافل' }).click()
  await page.getByRole('textbox', { name: 'عنوان قافلة جديدة' }).fill('قافلة دواوير تافراوت')
  await page.getByRole('button', { name: 'إنشاء القافلة' }).click()
  await expect(page.getByRole('heading', { name: 'قافلة دواوير تافراوت' })).toBeVisible()
  await expect(page.getByText('لا توجد محطة بعد: أضف المحطة الأولى.')).toBeVisible()

  for (const [title, offset] of [
    ['محطة أملن', 3],
    ['محطة تاهالا', 4],
  ] as const) {
    await page.getByRole('button', { name: 'إضافة محطة' }).click()
    const form = page.getByRole('dialog')
    await expect(form.getByRole('textbox', { name: 'نوع اللقاء', exact: true })).toHaveValue(
      'محطة قافلة',
    )
    await form.getByRole('textbox', { name: 'العنوان', exact: true }).fill(title)
    await form.getByRole('textbox', { name: 'اليوم', exact: true }).fill(day(offset))
    await form.getByRole('button', { name: 'برمجة اللقاء' }).click()
    await expect(page.getByRole('heading', { name: title })).toBeVisible()
    await page.getByRole('link', { name: 'محطة ضمن قافلة: عرض القافلة' }).click()
    await expect(page.getByRole('heading', { name: 'قافلة دواوير تافراوت' })).toBeVisible()
  }
  await expect(page.getByTestId('session-row')).toHaveCount(2)
  await expect(page.getByTestId('session-row').first()).toContainText('محطة أملن')
  await expect(page.getByText('محطتان')).toBeVisible()
  await expect(page.getByTestId('outcome-attended')).toHaveText('0')
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-caravan-ar.png`),
    fullPage: true,
  })
  await page.getByRole('link', { name: 'الرجوع إلى اللقاءات' }).click()
  await page.getByRole('tab', { name: 'الرزنامة' }).click()
  if (day(3).slice(0, 7) !== day(0).slice(0, 7))
    await page.getByRole('button', { name: 'الشهر الموالي' }).click()
  await expect(page.getByTestId('session-calendar')).toContainText('محطة أملن')
  // Time runs right to left: "previous" stands on the right and points right, "next" on
  // the left points left; in French the other way round.
  const arrows = async () => {
    const previous = page.getByTestId('calendar-previous')
    const next = page.getByTestId('calendar-next')
    return {
      previous: (await previous.boundingBox())!.x,
      next: (await next.boundingBox())!.x,
      points: [
        await previous.locator('svg').getAttribute('data-points'),
        await next.locator('svg').getAttribute('data-points'),
      ],
    }
  }
  const ar = await arrows()
  expect(ar.previous).toBeGreaterThan(ar.next)
  expect(ar.points).toEqual(['right', 'left'])
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-calendar-ar.png`),
    fullPage: true,
  })
  const month = await page.getByTestId('calendar-month').innerText()
  await page.getByRole('button', { name: 'الشهر السابق' }).click()
  await expect(page.getByTestId('calendar-month')).not.toHaveText(month)
  await page.getByRole('button', { name: 'الشهر الموالي' }).click()
  await expect(page.getByTestId('calendar-month')).toHaveText(month)
  await page.getByText('Français', { exact: true }).click()
  await expect(page.getByTestId('calendar-month')).not.toHaveText(month)
  const fr = await arrows()
  expect(fr.previous).toBeLessThan(fr.next)
  expect(fr.points).toEqual(['left', 'right'])
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-calendar-fr.png`) })
})
