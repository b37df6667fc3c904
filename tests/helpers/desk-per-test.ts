import { afterEach, beforeEach } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { openTestDesk, tempDir, VALID_SETUP } from './temp-desk'

/**
 * A set-up desk for every test of a file: a fresh folder and desk before each test,
 * closed and removed after. `bind` hands them to the file's own variables (tests may
 * close and reopen the desk); `current` says which desk to close at the end.
 */
export function setUpDeskPerTest(
  bind: (desk: { app: SijillApp; dir: string }) => void,
  current: () => SijillApp,
): void {
  let cleanup = (): void => undefined
  beforeEach(async () => {
    const folder = tempDir()
    cleanup = folder.cleanup
    const app = openTestDesk(folder.dir)
    bind({ app, dir: folder.dir })
    await app.direct().call('setup.complete', VALID_SETUP)
  })
  afterEach(() => {
    current().close()
    cleanup()
  })
}
