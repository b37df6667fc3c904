// `npm run host -- …` and `npm run cli -- …`: build if needed, then run the built entry
// (out/main/host.js or out/main/cli.js) on Node, passing arguments, exit code and signals.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ensureBuilt, ROOT } from './build-freshness.mjs'

const [entry, ...args] = process.argv.slice(2)
if (entry !== 'host' && entry !== 'cli') {
  process.stderr.write('usage: node scripts/run-built.mjs host|cli [args…]\n')
  process.exit(2)
}
ensureBuilt()
const child = spawn(process.execPath, [join(ROOT, 'out/main', `${entry}.js`), ...args], {
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
