import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deskWithArtisans } from './counter-data'
import { expect, test } from './fixtures'

const SHOTS = join(__dirname, '../../test-results/screenshots')

test('an administrator chooses a backup folder, backs up now, and sees what a restore would replace', async ({
  desk,
}, testInfo) => {
  const folder = mkdtempSync(join(tmpdir(), 'sijill-usb-'))
  try {
    const page = await desk.prepare((dir) => deskWithArtisans(dir, 'fr'))
    await page.keyboard.press('Alt+Digit8')
    await page.getByRole('tab', { name: 'Sauvegardes' }).click()
    const panel = page.getByTestId('backup')
    await expect(panel).toContainText("Aucune sauvegarde n'a encore été faite.")
    // A folder that does not exist (a USB drive not plugged in) is said so.
    await panel
      .getByRole('textbox', { name: 'Dossier des sauvegardes' })
      .fill('/media/absente/sijill')
    await panel.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await panel.getByRole('button', { name: 'Sauvegarder maintenant' }).click()
    await expect(page.getByRole('alert').first()).toBeVisible()
    await panel.getByRole('textbox', { name: 'Dossier des sauvegardes' }).fill(folder)
    await panel.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await expect(panel).toContainText('Réglages des sauvegardes enregistrés.')
    await panel.getByRole('button', { name: 'Sauvegarder maintenant' }).click()
    await expect(page.getByTestId('backup-files').locator('tbody tr')).toHaveCount(1, {
      timeout: 20_000,
    })
    expect(readdirSync(folder).filter((f) => f.endsWith('.sijill-backup'))).toHaveLength(1)
    await page.screenshot({
      path: join(SHOTS, `${testInfo.project.name}-backups-fr.png`),
    })

    // Restore: checked first, then what will be replaced is shown before anything happens.
    await page.getByTestId('backup-files').getByRole('button', { name: 'Restaurer…' }).click()
    await page.getByTestId('restore').getByRole('button', { name: 'Vérifier' }).click()
    const warning = page.getByTestId('restore-warning')
    await expect(warning).toContainText('Toute la base actuelle sera remplacée')
    await warning.scrollIntoViewIfNeeded()
    await expect(warning).toContainText('Artisans')
    await page.screenshot({
      path: join(SHOTS, `${testInfo.project.name}-restore-warning-fr.png`),
    })
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})
