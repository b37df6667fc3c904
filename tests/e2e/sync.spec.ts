import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { chromium } from '@playwright/test'
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium'
import { startRegistry, type Registry } from '../registry/server'
import type { SijillApp } from '../../electron/services/app'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'
import { testCodes, updateRequestOf, validRegistration } from '../helpers/registration'
import { deskWithArtisans } from './counter-data'
import { ADMIN, expect, logIn, test } from './fixtures'

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

test('a refusal says what happened and what to do in the clerk’s language; the registry’s words wait in the details', async ({
  desk,
}, testInfo) => {
  const page = await desk.prepare((dir) => deskWithArtisans(dir, 'ar'))
  await page.keyboard.press('Alt+Digit5')
  const enrol = page.getByTestId('enrol')
  await enrol.locator('input').nth(0).fill(registry.url)
  await enrol.locator('input').nth(2).fill('09-AAAA-BBBB-CCCC') // unknown to the registry
  await enrol.getByRole('button').last().click()
  const alert = enrol.getByRole('alert')
  await expect(alert).toContainText('رفض السجل الوطني تسجيل هذا المكتب')
  await expect(alert.getByTestId('error-advice')).toContainText('الرمز صالح لمرة واحدة')
  await expect(alert.getByText('رفض السجل الوطني تسجيل هذا المكتب')).not.toContainText(
    'enrolment_refused',
  ) // not in the sentence…
  await expect(alert.getByText('Jeton', { exact: false })).toBeHidden() // until asked for
  await alert.getByTestId('error-details').locator('summary').click()
  await expect(alert.getByTestId('error-details')).toContainText('enrolment_refused') // …here
  await expect(alert.getByTestId('error-details').locator('bdi[dir="ltr"]').last()).toContainText(
    'Jeton',
  )
  await page.screenshot({ path: join(SHOTS, `${testInfo.project.name}-sync-enrol-refused-ar.png`) })

  // Another chamber's desk registered one of this desk's CINs first.
  const { dir: otherDir, cleanup } = tempDir()
  const other = openTestDesk(otherDir)
  try {
    await other.direct().call('setup.complete', { ...VALID_SETUP, deskName: 'Rabat' })
    await other.direct().call('sync.enrol', {
      registryUrl: registry.url,
      chamberCode: '04',
      enrolmentToken: registry.createEnrolmentToken('04'),
    })
    await other
      .direct()
      .call('artisans.register', validRegistration(testCodes(other.db), { cin: 'J100002' }))
    await other.direct().call('sync.now', { wait: true })
  } finally {
    other.close()
    cleanup()
  }
  await enrol.locator('input').nth(2).fill(registry.createEnrolmentToken('09'))
  await enrol.getByRole('button').last().click()
  await expect(page.getByTestId('enrol')).toHaveCount(0)
  await page.getByRole('button', { name: 'المزامنة الآن' }).click()
  const item = page.getByTestId('sync-rejected-item')
  await expect(item).toHaveCount(1, { timeout: 15_000 })
  await expect(item).toContainText('رقم البطاقة الوطنية هذا مسجل في السجل لشخص آخر')
  await expect(item.getByTestId('error-advice')).toContainText('تحققوا من الرقم على البطاقة')
  await expect(item.getByRole('link', { name: 'فتح الملف' })).toBeVisible()
  await expect(item.getByRole('button', { name: 'إعادة الإرسال كتسجيل جديد' })).toBeVisible()
  await item.getByTestId('error-details').locator('summary').click()
  await expect(item.getByTestId('error-details')).toContainText('cin_taken')
  // The sync that refused stands out, and first under "Needs attention".
  const log = page.getByTestId('sync-log')
  await expect(log.locator('[data-level="warning"]')).toHaveCount(1)
  await page.getByRole('button', { name: 'المزامنة الآن' }).click()
  await page.getByRole('button', { name: 'المزامنة الآن' }).click()
  await expect(log).toContainText('لا تغيير منذ', { timeout: 15_000 })
  await log.getByText('يحتاج إلى انتباه').click()
  await expect(log.getByTestId('sync-log-line')).toHaveCount(1)
  await log.getByText('الكل').click()
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-sync-refused-ar.png`),
    fullPage: true,
  })
  await page.getByText('Français', { exact: true }).click()
  await expect(item).toContainText('Cette CIN est déjà inscrite au registre')
  await page.screenshot({
    path: join(SHOTS, `${testInfo.project.name}-sync-refused-fr.png`),
    fullPage: true,
  })
  await item.getByRole('button', { name: 'Renvoyer comme nouvelle inscription' }).click()
  await expect(
    page.getByText('Mis en file : le dossier part à la prochaine synchronisation.'),
  ).toBeVisible()
})

/** A free loopback port, so that a restarted host takes the same address. */
async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function startHostOn(dataDir: string, port: number, ...more: string[]) {
  const child = spawn(
    process.execPath,
    [
      join(__dirname, '../../out/main/host.js'),
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      ...more,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`host exited ${code}`)))
  })
  const url = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line)?.[1] ?? ''
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return { url, stop }
}

test('a restarted browser host: the open tab reconnects by itself; a new token says to open the new address', async ({
  browserName: _browserName,
}, testInfo) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sijill-restart-'))
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    for (const language of ['ar', 'fr'] as const) {
      rmSync(dataDir, { recursive: true, force: true })
      await deskWithArtisans(dataDir, language)
      const app = openTestDesk(dataDir)
      await app.direct().call('auth.createAdministrator', ADMIN)
      app.close()
      const port = await freePort()
      let host = await startHostOn(dataDir, port)
      // The token is the data folder's, kept 0600: the same address after a restart.
      const kept = readFileSync(join(dataDir, 'host-token'), 'utf8').trim()
      expect(host.url).toBe(`http://127.0.0.1:${port}/?token=${kept}`)
      expect(statSync(join(dataDir, 'host-token')).mode & 0o777).toBe(0o600)
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
      await page.goto(host.url)
      await logIn(page)
      await page.keyboard.press('Alt+Digit5')
      await expect(page.getByTestId('sync-state')).toBeVisible()

      await host.stop()
      await page.keyboard.press('Alt+Digit1')
      await page.keyboard.press('Alt+Digit5')
      const lost = page.getByTestId('host-lost')
      await expect(lost).toHaveAttribute('data-link', 'unreachable', { timeout: 15_000 })
      await expect(lost.getByRole('button')).toHaveCount(1) // "try now": it can work
      await page.screenshot({
        path: join(SHOTS, `${testInfo.project.name}-host-lost-${language}.png`),
      })
      host = await startHostOn(dataDir, port)
      expect(host.url).toBe(`http://127.0.0.1:${port}/?token=${kept}`)
      await expect(lost).toHaveCount(0, { timeout: 10_000 })
      // Logins end with the host's process: the next call meets the login screen.
      await expect(page.locator('input[autocomplete="current-password"]')).toBeVisible({
        timeout: 15_000,
      })
      await logIn(page)

      // Started with a new token: the old tab cannot reconnect, and says where to go.
      await host.stop()
      host = await startHostOn(dataDir, port, '--new-token')
      expect(host.url).not.toContain(kept)
      await page.keyboard.press('Alt+Digit1')
      await page.keyboard.press('Alt+Digit5')
      await expect(lost).toHaveAttribute('data-link', 'token', { timeout: 10_000 })
      await expect(lost.getByRole('button')).toHaveCount(0) // no retry that could never work
      await expect(lost).toContainText('127.0.0.1')
      await page.screenshot({
        path: join(SHOTS, `${testInfo.project.name}-host-restarted-${language}.png`),
      })
      await page.close()
      await host.stop()
    }
  } finally {
    await browser.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
