import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openApp, type SijillApp } from '../../electron/services/app'
import { FileKeyStore } from '../../electron/services/database/key-store'
import type { Logger } from '../../electron/services/log'

/** A temporary data folder, removed by the returned cleanup. */
export function tempDir(prefix = 'sijill-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Collects what the app logs instead of printing it, so tests can assert on it. */
export function memoryLogger(): Logger & { errors: string[] } {
  const errors: string[] = []
  return { errors, info: () => undefined, error: (m) => errors.push(m) }
}

/** A real desk on a real encrypted SQLite file in a temp folder. */
export function openTestDesk(dir: string): SijillApp {
  return openApp({
    dataDir: dir,
    keyStore: new FileKeyStore(dir),
    appVersion: '0.0.0-test',
    log: memoryLogger(),
  })
}

export const VALID_SETUP = {
  chamber: {
    regionCode: '09',
    nameAr: 'غرفة الصناعة التقليدية لجهة سوس ماسة',
    nameFr: "Chambre d'Artisanat de la Région Souss-Massa",
    address: 'شارع الحسن الثاني، أكادير',
    phone: '05 28 22 33 44',
    logo: null,
  },
  deskName: 'Guichet 1',
  language: 'ar' as const,
}
