import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * The desk's data folder: `SIJILL_DATA_DIR` when set, else the OS user-data folder for
 * Sijill — the same folder Electron's `app.getPath('userData')` gives for productName
 * "Sijill", so the desktop app, the browser host and the CLI share one desk.
 */
export const APP_FOLDER = 'Sijill'
export const DATABASE_FILE = 'sijill.db'

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SIJILL_DATA_DIR) return env.SIJILL_DATA_DIR
  if (process.platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  }
  if (process.platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  }
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER)
}
