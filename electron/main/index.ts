import { app, BrowserWindow, dialog } from 'electron'
import { openApp, type SijillApp } from '../services/app'
import { defaultDataDir } from '../services/paths'
import { describeStartupError } from '../services/startup-error'
import { APP_VERSION } from '../services/version'
import { registerIpc } from './ipc'
import { registerPrinting } from './printing'
import { SafeStorageKeyStore } from './safe-storage-key-store'
import { hardenContents, hardenSession } from './security'
import { createMainWindow, isTrustedUrl } from './window'

/**
 * Electron main: lifecycle, one window, the IPC transport. Thin on purpose — the
 * application lives in electron/services and runs the same under the browser host.
 */
app.setName('Sijill')
app.enableSandbox()

let core: SijillApp | null = null

function dataDir(): string {
  return (
    process.env.SIJILL_DATA_DIR ?? (app.isPackaged ? app.getPath('userData') : defaultDataDir())
  )
}

async function start(): Promise<void> {
  await app.whenReady()
  hardenSession()
  const dir = dataDir()
  try {
    core = openApp({
      dataDir: dir,
      keyStore: new SafeStorageKeyStore(dir),
      appVersion: APP_VERSION,
      backgroundCheckpoints: true,
      backgroundSyncMs: 120_000,
      backgroundBackups: true,
      electronVersion: process.versions.electron ?? null,
      ...(process.env.SIJILL_NATIVE_BINDING
        ? { nativeBinding: process.env.SIJILL_NATIVE_BINDING }
        : {}),
    })
  } catch (error) {
    dialog.showErrorBox('Sijill', describeStartupError(error))
    app.exit(1)
    return
  }
  registerIpc(core, isTrustedUrl)
  registerPrinting(isTrustedUrl)
  createMainWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow()
  })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  hardenContents(isTrustedUrl)
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    core?.close()
    core = null
  })
  void start()
}
