import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { test as base, _electron, type Page } from '@playwright/test'
import { electronBinary } from './electron-binary'
import { openTestDesk } from '../helpers/temp-desk'

/**
 * `desk`: a fresh desk (its own data folder) opened in the real UI — through the browser
 * host in Chromium, or in the Electron app — with `reopen()` to restart it on the same data.
 */
export interface Desk {
  page: Page
  dataDir: string
  /** Stops the app and starts it again on the same data folder. */
  reopen(): Promise<Page>
  /** Stops the app, lets `fill` write to its data folder directly, and starts it again. */
  prepare(fill: (dataDir: string) => Promise<void>): Promise<Page>
}

const ROOT = join(__dirname, '../..')

/** The administrator every prepared desk gets, and the specs log in as. */
export const ADMIN = {
  username: 'admin',
  fullName: 'Amina Idrissi',
  password: 'souss-massa-2026',
}

/** A set-up desk without accounts gets its administrator, written straight into its database. */
async function withAdministrator(dataDir: string): Promise<void> {
  const app = openTestDesk(dataDir)
  try {
    const api = app.direct()
    if ((await api.call('setup.status', {})).done && !(await api.call('auth.status', {})).hasUsers)
      await api.call('auth.createAdministrator', ADMIN)
  } finally {
    app.close()
  }
}

/** Creates the first administrator on its screen after setup, whatever its language. */
export async function createAdministratorOnScreen(page: Page): Promise<void> {
  await page.locator('input[autocomplete="name"]').fill(ADMIN.fullName)
  await page.locator('input[autocomplete="username"]').fill(ADMIN.username)
  for (const input of await page.locator('input[autocomplete="new-password"]').all())
    await input.fill(ADMIN.password)
  await page.locator('button[type="submit"]').click()
  await page.getByTestId('recovery-code-stored').check()
  await page.getByTestId('recovery-code-panel').locator('button').last().click()
}

/** Logs in on the login screen, whatever its language. */
export async function logIn(
  page: Page,
  who: { username: string; password: string } = ADMIN,
): Promise<void> {
  await page.locator('input[autocomplete="username"]').fill(who.username)
  await page.locator('input[autocomplete="current-password"]').fill(who.password)
  await page.locator('button[type="submit"]').click()
  await page.locator('input[autocomplete="username"]').waitFor({ state: 'detached' })
  // As a person does: the next key goes to a screen that is there — the person's home
  // drawn in the shell, or the form that asks for a new password.
  await page.locator('#main h2, input[autocomplete="new-password"]').first().waitFor()
}

async function startHost(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out/main/host.js'), '--port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const lines = createInterface({ input: child.stdout! })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${stderr}`)), 15_000)
    lines.once('line', (line) => {
      clearTimeout(timer)
      const match = /^Sijill browser host: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line)
      if (match?.[1]) resolve(match[1])
      else reject(new Error(`unexpected host line: ${line}`))
    })
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${stderr}`)))
  })
  return { url, child }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

export const test = base.extend<{ desk: Desk }>({
  desk: async ({ browser }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sijill-e2e-'))
    if (testInfo.project.name === 'electron') {
      const executablePath = electronBinary().path ?? ''
      const { electronNativeBinding } = await import('../../scripts/electron-native.mjs')
      const version = (
        JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
          version: string
        }
      ).version
      const nativeBinding = await electronNativeBinding(version)
      const launch = () =>
        _electron.launch({
          executablePath,
          args: [join(ROOT, 'out/main/index.js')],
          env: { ...process.env, SIJILL_DATA_DIR: dataDir, SIJILL_NATIVE_BINDING: nativeBinding },
        })
      let app = await launch()
      const desk: Desk = {
        page: await app.firstWindow(),
        dataDir,
        async reopen() {
          await app.close()
          app = await launch()
          desk.page = await app.firstWindow()
          await logIn(desk.page)
          return desk.page
        },
        async prepare(fill) {
          await app.close()
          await fill(dataDir)
          await withAdministrator(dataDir)
          app = await launch()
          desk.page = await app.firstWindow()
          await logIn(desk.page)
          return desk.page
        },
      }
      await use(desk)
      await app.close()
    } else {
      let host = await startHost(dataDir)
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(host.url)
      const desk: Desk = {
        page,
        dataDir,
        async reopen() {
          await stop(host.child)
          host = await startHost(dataDir)
          await page.goto(host.url)
          await logIn(page)
          return page
        },
        async prepare(fill) {
          await stop(host.child)
          await fill(dataDir)
          await withAdministrator(dataDir)
          host = await startHost(dataDir)
          await page.goto(host.url)
          await logIn(page)
          return page
        },
      }
      await use(desk)
      await context.close()
      await stop(host.child)
    }
    rmSync(dataDir, { recursive: true, force: true })
  },
})

export { expect } from '@playwright/test'
