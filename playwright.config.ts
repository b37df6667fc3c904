import { defineConfig, type Project } from '@playwright/test'
import { electronBinary } from './tests/e2e/electron-binary'
import { CHROMIUM, CHROMIUM_ARGS } from './tests/helpers/chromium'

/**
 * End-to-end specs drive the real UI. Project "host": the browser host in Debian's
 * Chromium. Project "electron": the same specs in the real Electron app, added only where
 * Electron's binary is installed — and when it is not, this says so, once, in the output.
 */
const projects: Project[] = [
  {
    name: 'host',
    use: {
      browserName: 'chromium',
      launchOptions: {
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
      },
    },
  },
]

const electron = electronBinary()
if (electron.path) {
  projects.push({ name: 'electron' })
} else if (!process.env.SIJILL_ELECTRON_NOTE_SHOWN) {
  process.env.SIJILL_ELECTRON_NOTE_SHOWN = '1'
  process.stdout.write(`[e2e] Electron project not run: ${electron.reason}\n`)
}

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  forbidOnly: true,
  reporter: 'list',
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'ar-MA',
    trace: 'off',
  },
  projects,
})
