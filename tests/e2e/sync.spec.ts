import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startRegistry, type Registry } from '../registry/server'
import type { SijillApp } from '../../electron/services/app'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'
import { updateRequestOf } from '../helpers/registration'
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
  // Enrolling again (the registry forgot the desk, or another registry) stays at hand.
  await page.getByRole('button', { name: 'Inscrire à nouveau' }).click()
  await expect(page.getByTestId('enrol').getByLabel('Adresse du registre')).toHaveValue(
    registry.url,
  )
  await page.getByRole('button', { name: 'Inscrire à nouveau' }).click()
  await expect(page.getByTestId('enrol')).toHaveCount(0)

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

/** Changes a file's address at a desk, through the API as the form would. */
async function editAddress(app: SijillApp, cin: string, address: string): Promise<void> {
  const [hit] = (await app.direct().call('artisans.search', { query: cin })).items
  const file = await app.direct().call('artisans.get', { id: hit?.id ?? '' })
  // Papers seen at the counter stay at the desk that saw them: a file from another desk
  // is corrected with the papers in hand.
  await app.direct().call(
    'artisans.update',
    updateRequestOf(file, {
      address,
      evidence: {
        cinCopy: true,
        diploma: false,
        practiceAttestation: true,
        masterAttestation: false,
      },
    }),
  )
}

test('a supervisor resolves a conflict field by field; the certificate becomes printable once the NIA arrives', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare((dir) => deskWithArtisans(dir, 'fr'))
  await expect(page.getByRole('heading', { name: 'Guichet', level: 2 })).toBeVisible()
  await page.keyboard.press('Alt+Digit5')
  const enrol = page.getByTestId('enrol')
  await enrol.getByLabel('Adresse du registre').fill(registry.url)
  await enrol.getByLabel("Jeton d'inscription").fill(registry.createEnrolmentToken('09'))
  await enrol.getByRole('button', { name: 'Inscrire le poste' }).click()
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click()
  await expect(page.getByTestId('sync-state')).toHaveText('En ligne', { timeout: 15_000 })

  // Another desk of the chamber changes a file and syncs first.
  const { dir: otherDir, cleanup } = tempDir()
  const other = openTestDesk(otherDir)
  try {
    await other.direct().call('setup.complete', { ...VALID_SETUP, deskName: 'Guichet 2' })
    await other.direct().call('sync.enrol', {
      registryUrl: registry.url,
      chamberCode: '09',
      enrolmentToken: registry.createEnrolmentToken('09'),
    })
    await other.direct().call('sync.now', { wait: true })
    await editAddress(other, 'J100001', 'Hay Salam 7, Tiznit')
    await other.direct().call('sync.now', { wait: true })

    // This desk changed the same file meanwhile.
    const again = await desk.prepare(async (dir) => {
      const here = openTestDesk(dir)
      try {
        await editAddress(here, 'J100001', 'Derb Jdid 3, Tiznit')
      } finally {
        here.close()
      }
    })
    await expect(again.getByRole('heading', { name: 'Guichet', level: 2 })).toBeVisible()
    await again.keyboard.press('Alt+Digit5')
    await again.getByRole('button', { name: 'Synchroniser maintenant' }).click()
    const conflicts = again.getByTestId('sync-conflicts-list')
    await expect(conflicts).toContainText('Hay Salam 7, Tiznit', { timeout: 15_000 })
    await expect(conflicts).toContainText('Derb Jdid 3, Tiznit')
    await again.screenshot({
      path: join(SHOTS, `${testInfo.project.name}-conflict-fr.png`),
      fullPage: true,
    })
    await again.getByText('العربية', { exact: true }).click()
    await expect(conflicts).toContainText('تعارضات للحل')
    await again.screenshot({
      path: join(SHOTS, `${testInfo.project.name}-conflict-ar.png`),
      fullPage: true,
    })
    await again.getByText('Français', { exact: true }).click()
    await conflicts.getByRole('radio', { name: 'Adresse — Ce poste' }).check()
    await conflicts.getByRole('button', { name: 'Appliquer ce choix' }).click()
    await expect(again.getByTestId('sync-conflicts-list')).toHaveCount(0)
    await again.getByRole('button', { name: 'Synchroniser maintenant' }).click()
    await expect(again.getByTestId('sync-pending')).toContainText('0', { timeout: 15_000 })
    await other.direct().call('sync.now', { wait: true })
    const [hit] = (await other.direct().call('artisans.search', { query: 'J100001' })).items
    expect((await other.direct().call('artisans.get', { id: hit?.id ?? '' })).address).toBe(
      'Derb Jdid 3, Tiznit',
    )

    // The registry assigns the NIA: the certificate can be printed.
    registry.decideNow()
    await again.getByRole('button', { name: 'Synchroniser maintenant' }).click()
    await expect(again.getByTestId('sync-log')).toContainText('reçues', { timeout: 15_000 })
    await again.keyboard.press('Alt+Digit1')
    const box = again.getByRole('textbox', { name: 'Rechercher un artisan' })
    await box.fill('J100001')
    await expect(again.getByTestId('search-result')).toContainText('Mohamed El Alaoui')
    await box.press('Enter')
    await expect(again.getByTestId('artisan-nia')).toContainText(/09\d{8}/)
    await expect(
      again
        .getByTestId('documents')
        .getByRole('button', { name: "Imprimer l'attestation d'inscription" }),
    ).toBeVisible()
  } finally {
    other.close()
    cleanup()
  }
})
