import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The renderer entry: the dev server in `electron-vite dev`, else the built file. */
export function rendererUrl(): string {
  const dev = process.env.ELECTRON_RENDERER_URL
  if (dev) return dev
  return pathToFileURL(join(__dirname, '../renderer/index.html')).toString()
}

export function isTrustedUrl(url: string): boolean {
  const base = rendererUrl()
  const root = base.replace(/index\.html$/, '')
  return (
    url === base ||
    url.startsWith(`${base}#`) ||
    url.startsWith(`${base}?`) ||
    (root !== base && url.startsWith(root))
  )
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Sijill',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(rendererUrl())
  return win
}
