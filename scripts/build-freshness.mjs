// Builds the app with electron-vite when any source is newer than the build output, so
// `npm run host`, `npm run cli` and `npm start` always run current code. Build chatter
// goes to stderr: stdout stays for what the command itself prints.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..')
const SOURCES = [
  'electron',
  'renderer',
  'shared',
  'resources',
  'electron.vite.config.ts',
  'package.json',
  'tsconfig.json',
]
const OUTPUTS = [
  'out/main/index.js',
  'out/main/host.js',
  'out/main/cli.js',
  'out/preload/index.js',
  'out/renderer/index.html',
]

function newest(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let max = 0
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)))
  return max
}

export function isBuildFresh() {
  const outputs = OUTPUTS.map((p) => join(ROOT, p))
  if (!outputs.every(existsSync)) return false
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs))
  return SOURCES.every((s) => !existsSync(join(ROOT, s)) || newest(join(ROOT, s)) <= built)
}

export function ensureBuilt() {
  if (isBuildFresh()) return
  process.stderr.write('Sijill: building the app (electron-vite build)…\n')
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'error'],
    {
      cwd: ROOT,
      stdio: ['ignore', 2, 2],
    },
  )
  if (result.status !== 0) {
    process.stderr.write('Sijill: the build failed; see the messages above.\n')
    process.exit(result.status ?? 1)
  }
}
