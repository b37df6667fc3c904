import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Where Electron's runtime binary is, or why it is not there (offline installs skip it). */
export function electronBinary(): { path: string | null; reason: string } {
  const dir = join(__dirname, '../../node_modules/electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) {
    return {
      path: null,
      reason:
        'Electron runtime binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 on this offline machine); the same specs ran against the browser host.',
    }
  }
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary)
    ? { path: binary, reason: '' }
    : { path: null, reason: `Electron binary missing at ${binary}` }
}
