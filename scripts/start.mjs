// `npm start`: the Electron app where Electron's runtime binary is installed, otherwise
// the browser host (docs/architecture.md, One API, three transports) — and it says which one it started, and why.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureBuilt, ROOT } from './build-freshness.mjs'
import { electronNativeBinding } from './electron-native.mjs'

function electronBinary() {
  const dir = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

function run(command, args, env = process.env) {
  const child = spawn(command, args, { stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const args = process.argv.slice(2)
ensureBuilt()
const binary = electronBinary()
if (binary) {
  const version = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8'),
  ).version
  const nativeBinding = await electronNativeBinding(version)
  process.stderr.write(`Sijill: starting the Electron app (Electron ${version}).\n`)
  run(binary, [join(ROOT, 'out/main/index.js'), ...args], {
    ...process.env,
    SIJILL_NATIVE_BINDING: nativeBinding,
  })
} else {
  process.stderr.write(
    "Sijill: Electron's runtime binary is not installed here (offline install with ELECTRON_SKIP_BINARY_DOWNLOAD=1),\n" +
      'so this is the browser host: open the address below in Chromium, Edge or Firefox.\n',
  )
  const hostArgs = args.includes('--port') ? args : ['--port', '5799', ...args]
  run(process.execPath, [join(ROOT, 'out/main/host.js'), ...hostArgs])
}
