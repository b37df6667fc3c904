import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EnrolResponseSchema, PATHS, ServerInfoSchema } from '../../shared/registry/contract'

/** `npm run registry`: prints its address and tokens, serves, and stops on SIGINT. */
const ROOT = join(__dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'sijill-registry-cli-'))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('registry CLI', () => {
  it('starts, prints the address, admin token and enrolment tokens, and stops on SIGINT', async () => {
    const child = spawn(
      join(ROOT, 'node_modules/.bin/tsx'),
      [
        'tests/registry/main.ts',
        '--port',
        '0',
        '--data',
        dir,
        '--chamber',
        '09',
        '--chamber',
        '01',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    try {
      const deadline = Date.now() + 15_000
      while (out.split('\n').length < 5 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50))
      const [first, adminLine, chamber09, chamber01] = out.trim().split('\n')
      const url = /^Sijill registry: (http:\/\/127\.0\.0\.1:\d+)$/.exec(first ?? '')?.[1]
      expect(url).toBeDefined()
      expect(adminLine).toMatch(/^Admin token: \S{40,}$/)
      expect(chamber01).toMatch(/^Enrolment token for chamber 01: 01-/)
      const info = await fetch(`${url}${PATHS.info}`)
      expect(ServerInfoSchema.parse(await info.json()).apiVersion).toBe(1)
      const enrol = await fetch(`${url}${PATHS.enrol}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          chamberCode: '09',
          enrolmentToken: chamber09?.split(' ').pop(),
          deviceId: 'desk-cli-0001',
          deviceName: 'Guichet',
          appVersion: '0.1.0',
        }),
      })
      expect(EnrolResponseSchema.parse(await enrol.json()).chamberCode).toBe('09')
    } finally {
      child.kill('SIGINT')
    }
    expect(await exited).toBe(0)
  })
})
