import { join } from 'node:path'
import { solidPng } from '../helpers/png'
import { createAdministratorOnScreen, expect, test, type Desk } from './fixtures'

const SHOTS = join(__dirname, '../../test-results/screenshots')

/** Sets up a desk through the API of the page itself, as the setup page would. */
async function setUpInFrench(desk: Desk): Promise<void> {
  const page = desk.page
  await page.getByText('Français').click()
  await page.getByRole('textbox', { name: 'Région' }).click()
  await page.getByRole('option', { name: 'Fès-Meknès' }).click()
  await page.getByRole('textbox', { name: 'Adresse' }).fill('Avenue des FAR, Fès')
  await page.getByRole('textbox', { name: 'Téléphone' }).fill('+212 5 35 62 00 00')
  await page.getByRole('textbox', { name: 'Nom du poste' }).fill('Guichet Fès 2')
  await page.getByRole('button', { name: 'Enregistrer et commencer' }).click()
  await createAdministratorOnScreen(page)
  await expect(page.getByTestId('header-chamber')).toHaveText(
    "Chambre d'Artisanat de la Région Fès-Meknès",
  )
}

test('an administrator adds the chamber logo and edits the address in Settings; an unreadable image is refused', async ({
  desk,
}, testInfo) => {
  await setUpInFrench(desk)
  const page = desk.page
  await page.getByRole('link', { name: /Paramètres/ }).click()
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 2 })).toBeVisible()

  const fileInput = page.locator('input[type=file]')
  await fileInput.setInputFiles({
    name: 'broken.png',
    mimeType: 'image/png',
    buffer: Buffer.from('not an image at all'),
  })
  await expect(page.getByText('Impossible de lire cette image.')).toBeVisible()
  await fileInput.setInputFiles({
    name: 'logo.gif',
    mimeType: 'image/gif',
    buffer: Buffer.from('GIF89a'),
  })
  await expect(page.getByText('Le logo doit être une image PNG ou JPEG.')).toBeVisible()

  await fileInput.setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: solidPng(96, 48, [0, 128, 96]),
  })
  await expect(page.getByRole('img', { name: /Logo de Chambre d'Artisanat/ })).toBeVisible()
  await page.getByRole('textbox', { name: 'Adresse' }).fill('Place Bab Boujloud, Fès')
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click()
  await expect(page.getByText('Modifications enregistrées.')).toBeVisible()
  await expect(page.locator('header img')).toBeVisible()
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-settings-logo-fr.png`) })

  const again = await desk.reopen()
  await again.getByRole('link', { name: /Paramètres/ }).click()
  await expect(again.getByRole('textbox', { name: 'Adresse' })).toHaveValue(
    'Place Bab Boujloud, Fès',
  )
  await expect(again.locator('header img')).toBeVisible()
})

test('Settings refuses an invalid phone with a translated message and keeps the saved one', async ({
  desk,
}) => {
  await setUpInFrench(desk)
  const page = desk.page
  await page.keyboard.press('Alt+Digit7')
  const phone = page.getByRole('textbox', { name: 'Téléphone' })
  await expect(phone).toHaveValue('05 35 62 00 00')
  await phone.fill('0435')
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click()
  await expect(page.getByText('Numéro marocain non valide', { exact: false })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Téléphone' })).toHaveValue('05 35 62 00 00')
})

test('every section is reachable from the keyboard and says honestly what it will hold', async ({
  desk,
}) => {
  await setUpInFrench(desk)
  const page = desk.page
  const sections = [
    ['Guichet', 'Guichet'],
    ['Artisans', 'Artisans'],
    ['Documents', 'Documents'],
    ['Sensibilisation', 'Séances de sensibilisation et caravanes'],
    ['Synchronisation', 'Synchronisation avec le registre national'],
    ['Tableau de bord', 'Tableau de bord et rapports'],
    ['Paramètres', 'Paramètres'],
    ['Administration', 'Administration'],
  ]
  for (const [i, [nav, title]] of sections.entries()) {
    await page.keyboard.press(`Alt+Digit${i + 1}`)
    await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible()
    await expect(
      page.getByRole('navigation').getByRole('link', { name: new RegExp(`^${nav}`) }),
    ).toHaveAttribute('aria-current', 'page')
  }
})
