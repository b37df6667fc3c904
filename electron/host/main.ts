import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openApp } from '../services/app'
import { FileKeyStore } from '../services/database/key-store'
import { stderrLogger } from '../services/log'
import { defaultDataDir } from '../services/paths'
import { describeStartupError } from '../services/startup-error'
import { APP_VERSION } from '../services/version'
import { hostToken } from './host-token'
import { createHostServer } from './server'

/**
 * `npm run host -- --port N [--new-token]`: the real UI in any browser, with the same
 * router as the desktop app. Prints exactly one line on stdout — the address with the
 * desk's host token (kept in the data folder across restarts; `--new-token` renews it).
 */
function main(): void {
  const log = stderrLogger('host')
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      renderer: { type: 'string' },
      'new-token': { type: 'boolean', default: false },
    },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`Invalid --port ${values.port}: give a number from 0 to 65535.\n`)
    process.exit(2)
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir())
  const staticRoot = resolve(values.renderer ?? resolve(__dirname, '../renderer'))

  let app: ReturnType<typeof openApp>
  try {
    app = openApp({
      dataDir,
      keyStore: new FileKeyStore(dataDir),
      appVersion: APP_VERSION,
      log,
      backgroundCheckpoints: true,
      backgroundSyncMs: 120_000,
      backgroundBackups: true,
    })
  } catch (error) {
    process.stderr.write(`${describeStartupError(error)}\n`)
    process.exit(1)
  }

  const token = hostToken(dataDir, { renew: values['new-token'] })
  const server = createHostServer({
    router: app.router,
    context: (session) => app.contextFor(session, 'http'),
    staticRoot,
    token,
  })
  server.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(
      error.code === 'EADDRINUSE'
        ? `Port ${port} is already in use on 127.0.0.1; choose another with --port.\n`
        : `The browser host could not start: ${error.message}\n`,
    )
    app.close()
    process.exit(1)
  })
  server.listen(port, '127.0.0.1', () => {
    const address = server.address()
    const actual = typeof address === 'object' && address ? address.port : port
    process.stdout.write(`Sijill browser host: http://127.0.0.1:${actual}/?token=${token}\n`)
  })

  let closing = false
  const shutdown = () => {
    if (closing) return
    closing = true
    server.close()
    server.closeAllConnections()
    app.close()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main()
