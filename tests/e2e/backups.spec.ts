import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedArtisans } from '../../electron/services/seed/generate'
import { openTestDesk, VALID_SETUP } from '../helpers/temp-desk'
import { deskWithArtisans } from './counter-data'
import { ADMIN, expect, test } from './fixtures'

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

test('in Arabic: backups go to the data folder by default, back up now at once, paths, dates, sizes and counts read right', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare(async (dir) => {
    await deskWithArtisans(dir, 'ar')
    const app = openTestDesk(dir)
    try {
      seedArtisans(app.db, app.actor(), { count: 1200, seed: 3 })
    } finally {
      app.close()
    }
  })
  await page.keyboard.press('Alt+Digit8')
  await page.getByRole('tab', { name: 'النسخ الاحتياطية' }).click()
  const panel = page.getByTestId('backup')
  const folder = join(desk.dataDir, 'backups')
  // The default folder is said, as a path read left to right, with what it does not protect.
  const where = panel.getByTestId('backup-folder')
  await expect(where).toContainText('تُحفظ النسخ الاحتياطية في:')
  await expect(where.locator('bdi[dir="ltr"]')).toHaveText(folder)
  await expect(where).toContainText('قرص USB')
  expect(statSync(folder).mode & 0o777).toBe(0o700)
  // The folder field's hint reads right to left, its example paths left to right.
  const hint = panel.getByText('المسار الكامل', { exact: false })
  const x = await hint.evaluate((el) => {
    const node = el.firstChild as Text
    const at = (s: string, offset = 0) => {
      const range = document.createRange()
      const i = node.data.indexOf(s) + offset
      range.setStart(node, i)
      range.setEnd(node, i + 1)
      return range.getBoundingClientRect().x
    }
    return { first: at('المسار'), last: at('المكتب'), slash: at('/media'), m: at('/media', 1) }
  })
  expect(x.first, 'the hint starts on the right').toBeGreaterThan(x.last)
  expect(x.slash, 'the path keeps its leading slash on its left').toBeLessThan(x.m)

  // "Back up now" needs no folder chosen first.
  const now = panel.getByRole('button', { name: 'نسخ احتياطي الآن' })
  await expect(now).toBeEnabled()
  await now.click()
  const rows = page.getByTestId('backup-files').locator('tbody tr')
  await expect(rows).toHaveCount(1, { timeout: 20_000 })
  const [name] = readdirSync(folder).filter((f) => f.endsWith('.sijill-backup'))
  expect(name).toMatch(/^sijill-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}-\d{4}\.sijill-backup$/)
  await expect(panel.getByTestId('backup-job').locator('bdi[dir="ltr"]')).toHaveText(
    join(folder, name ?? ''),
  )

  // The last backup: its date and its size are two isolates apart, never run together.
  const last = panel.getByTestId('backup-last').locator('p').first()
  const parts = last.locator('bdi[dir="ltr"]')
  await expect(parts).toHaveCount(2)
  await expect(parts.first()).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
  await expect(parts.last()).toHaveText(/^\d+(,\d)? MB$/)
  const [date, size] = [await parts.first().boundingBox(), await parts.last().boundingBox()]
  expect(size!.x + size!.width).toBeLessThan(date!.x) // right to left: the date, then the size

  // Counts grouped as the dashboard groups them.
  await expect(rows.first().locator('td').nth(2)).toHaveText('1.203')
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-backups-ar-top.png`) })
  await page.getByTestId('backup-files').evaluate((el) => el.scrollIntoView({ block: 'end' }))
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-backups-ar.png`) })
})

for (const language of ['ar', 'fr'] as const)
  test(`first-run (${language}): the recovery code screen says where the daily backups go`, async ({
    desk,
  }, testInfo) => {
    const page = desk.page
    const app = openTestDesk(desk.dataDir)
    try {
      await app.direct().call('setup.complete', { ...VALID_SETUP, language })
    } finally {
      app.close()
    }
    await page.reload()
    await page.locator('input[autocomplete="name"]').fill(ADMIN.fullName)
    await page.locator('input[autocomplete="username"]').fill(ADMIN.username)
    for (const input of await page.locator('input[autocomplete="new-password"]').all())
      await input.fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    const note = page.getByTestId('backup-default-note')
    await expect(note.locator('bdi[dir="ltr"]')).toHaveText(join(desk.dataDir, 'backups'))
    await expect(note).toContainText(
      language === 'ar' ? 'الإعدادات ← النسخ الاحتياطية' : 'Paramètres → Sauvegardes',
    )
    await expect(note).toContainText('12:00')
    await note.scrollIntoViewIfNeeded()
    await page.screenshot({
      path: join(SHOTS, `${testInfo.project.name}-setup-backup-${language}.png`),
      fullPage: true,
    })
  })
