import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startRegistry, type Registry } from '../registry/server'
import { deskWithArtisans } from './counter-data'
import { expect, test } from './fixtures'

const SHOTS = join(__dirname, '../../test-results/screenshots')

let registry: Registry
let registryDir: string
test.beforeEach(async () => {
  registryDir = mkdtempSync(join(tmpdir(), 'sijill-registry-'))
  // Files whose CIN starts with JB are refused by the registry's demonstration rule.
  registry = await startRegistry({
    dataDir: registryDir,
    reviewDelayMs: 60_000,
    rejectRules: [{ kind: 'cin-prefix', value: 'JB' }],
  })
})
test.afterEach(async () => {
  await registry.close()
  rmSync(registryDir, { recursive: true, force: true })
})

test('an administrator enrols the desk; it syncs; the registry’s decisions come back to the files', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare((dir) => deskWithArtisans(dir, 'fr'))
  await expect(page.getByRole('heading', { name: 'Guichet', level: 2 })).toBeVisible()
  await page.keyboard.press('Alt+Digit5')
  const state = page.getByTestId('sync-state')
  await expect(state).toHaveText('Non relié au registre')
  const enrol = page.getByTestId('enrol')
  await enrol.getByLabel('Adresse du registre').fill('pas une adresse')
  await enrol.getByLabel("Jeton d'inscription").fill(registry.createEnrolmentToken('09'))
  await enrol.getByRole('button', { name: 'Inscrire le poste' }).click()
  await expect(enrol.getByText('Une adresse web commençant par http://')).toBeVisible()
  await enrol.getByLabel('Adresse du registre').fill(registry.url)
  await enrol.getByRole('button', { name: 'Inscrire le poste' }).click()
  await expect(page.getByTestId('enrol')).toHaveCount(0)

  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click()
  await expect(state).toHaveText('En ligne', { timeout: 15_000 })
  await expect(page.getByTestId('sync-pending')).toContainText('0')
  await expect(page.getByTestId('sync-log')).toContainText('3 envoyées')
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-sync-fr.png`) })

  // The registry decides: an NIA for two files, a refusal for the third.
  registry.decideNow()
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click()
  await expect(page.getByTestId('sync-log')).toContainText('3 reçues', { timeout: 15_000 })

  await page.keyboard.press('Alt+Digit1')
  const box = page.getByRole('textbox', { name: 'Rechercher un artisan' })
  await box.fill('J100001')
  await expect(page.getByTestId('search-result')).toContainText('Mohamed El Alaoui')
  await box.press('Enter')
  await expect(page.getByTestId('artisan-nia')).toContainText(/09\d{8}/)
  await expect(page.getByTestId('sync-badge')).toHaveText('Synchronisé')
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-sync-file-fr.png`) })

  await page.getByText('العربية', { exact: true }).click()
  await page.keyboard.press('Alt+Digit5')
  await expect(page.getByTestId('sync-state')).toHaveText('متصل')
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-sync-ar.png`),
    fullPage: true,
  })
})
