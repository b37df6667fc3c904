import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/** The lint rule that keeps the layers apart (docs/architecture.md, Layers) catches each wrong direction. */
const eslint = new ESLint({ cwd: join(__dirname, '../..') })

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

describe('the layer rule', () => {
  it.each([
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer"],
    [
      'renderer/src/x.ts',
      "import { openApp } from '../../electron/services/app'\nexport const x = openApp",
    ],
    ['shared/x.ts', "import { createHash } from 'node:crypto'\nexport const x = createHash"],
    ['shared/x.ts', "import { useState } from 'react'\nexport const x = useState"],
    ['shared/x.ts', "import { openApp } from '../electron/services/app'\nexport const x = openApp"],
    ['electron/services/x.ts', "import { app } from 'electron'\nexport const x = app"],
    ['electron/services/x.ts', "import { runCli } from '../cli/run-cli'\nexport const x = runCli"],
    ['electron/host/x.ts', "import { app } from 'electron'\nexport const x = app"],
    [
      'electron/main/x.ts',
      "import { createHostServer } from '../host/server'\nexport const x = createHostServer",
    ],
    [
      'electron/preload/x.ts',
      "import { openApp } from '../services/app'\nexport const x = openApp",
    ],
  ])('refuses what %s must not import: %s', async (file, code) => {
    expect(await restricted(file, code)).not.toEqual([])
  })

  it.each([
    [
      'renderer/src/x.ts',
      "import { contract } from '@shared/api/contract'\nexport const x = contract",
    ],
    [
      'electron/services/x.ts',
      "import { createHash } from 'node:crypto'\nexport const x = createHash",
    ],
    ['electron/host/x.ts', "import { openApp } from '../services/app'\nexport const x = openApp"],
    [
      'electron/main/x.ts',
      "import { app } from 'electron'\nimport { openApp } from '../services/app'\nexport const x = [app, openApp]",
    ],
    [
      'electron/preload/x.ts',
      "import { contextBridge } from 'electron'\nexport const x = contextBridge",
    ],
  ])('allows the right direction in %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([])
  })
})
