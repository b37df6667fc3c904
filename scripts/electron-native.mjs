// The SQLite binding must match the ABI of the runtime that loads it. `npm ci` builds it
// for Node (tests, browser host, CLI). For Electron we build a second copy under
// .native/electron-<version>/ with @electron/rebuild and point better-sqlite3's
// `nativeBinding` option at it (SIJILL_NATIVE_BINDING), so switching between `npm test`
// and `npm start` never needs a manual rebuild.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './build-freshness.mjs'

const MODULE = 'better-sqlite3-multiple-ciphers'

export async function electronNativeBinding(electronVersion) {
  const dir = join(ROOT, '.native', `electron-${electronVersion}`)
  const binding = join(dir, 'node_modules', MODULE, 'build', 'Release', 'better_sqlite3.node')
  if (existsSync(binding)) return binding
  process.stderr.write(
    `Sijill: building the SQLite binding for Electron ${electronVersion} (once)…\n`,
  )
  const source = join(ROOT, 'node_modules', MODULE)
  const version = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version
  mkdirSync(join(dir, 'node_modules'), { recursive: true })
  cpSync(source, join(dir, 'node_modules', MODULE), {
    recursive: true,
    filter: (path) => !path.includes(`${MODULE}/build`),
  })
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      { name: 'sijill-electron-native', private: true, dependencies: { [MODULE]: version } },
      null,
      2,
    ),
  )
  const { rebuild } = await import('@electron/rebuild')
  await rebuild({
    buildPath: dir,
    electronVersion,
    onlyModules: [MODULE],
    force: true,
    mode: 'sequential',
  })
  if (!existsSync(binding)) throw new Error(`@electron/rebuild finished but ${binding} is missing`)
  return binding
}
