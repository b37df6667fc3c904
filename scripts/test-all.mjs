// `npm test`: typecheck, lint, unit and integration tests (vitest, real SQLite files),
// build, then end-to-end tests through the real UI (Playwright in Debian's Chromium, and
// Electron where its binary exists). Ends with one line: "Tests: N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './build-freshness.mjs'

const REPORTS = join(ROOT, 'test-reports')
rmSync(REPORTS, { recursive: true, force: true })
mkdirSync(REPORTS, { recursive: true })
const bin = (name) => join(ROOT, 'node_modules', '.bin', name)
const failures = []

function step(name, command, args, env = {}) {
  process.stdout.write(`\n=== ${name} ===\n`)
  const started = Date.now()
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) failures.push(name)
  process.stdout.write(`=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${seconds} s) ===\n`)
}

step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])
step('typecheck (renderer)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.web.json'])
step('lint', 'npm', ['run', '--silent', 'lint'])
step('unit and integration tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(REPORTS, 'vitest.json')}`,
])
step('build', bin('electron-vite'), ['build'])
step('end-to-end tests', bin('playwright'), ['test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: join(REPORTS, 'playwright.json'),
})

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}
const vitest = readJson(join(REPORTS, 'vitest.json'))
const e2e = readJson(join(REPORTS, 'playwright.json'))
const passed = (vitest?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0)
const failed =
  (vitest?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0)
const skipped =
  (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0)
if (!vitest) failures.push('no vitest report')
if (!e2e) failures.push('no Playwright report')

process.stdout.write(
  `\n${failures.length ? `Failed steps: ${failures.join(', ')}` : 'All steps passed.'}\n`,
)
process.stdout.write(
  `Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
)
process.exit(failures.length || failed ? 1 : 0)
