// ESLint flat config. The layer rule of docs/architecture.md lives here: each folder may
// import only the layers below it, and a wrong import fails `npm run lint`.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
]

/** Import patterns a layer must not use, with the reason shown in the lint message. */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
})

const never = (group, message) => ({ group, message })

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },

  // --- The layer rule (docs/architecture.md, Layers) ---
  layer(
    ['shared/**/*.ts'],
    [
      never(
        [
          'electron',
          'electron/*',
          'react',
          'react-*',
          'better-sqlite3*',
          '@mantine/*',
          ...NODE_BUILTINS,
        ],
        'shared/ is pure TypeScript: no Node, Electron, React or database.',
      ),
      never(
        ['**/electron/**', '**/renderer/**', '**/tests/**'],
        'shared/ depends on nothing of ours.',
      ),
    ],
  ),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    [
      never(
        ['electron', 'electron/*', 'better-sqlite3*', ...NODE_BUILTINS],
        'The renderer talks only to the API client: no Node, no Electron.',
      ),
      never(
        ['**/electron/**', '@electron/*'],
        'The renderer never imports electron/: use the API client.',
      ),
    ],
  ),
  layer(
    ['electron/services/**/*.ts'],
    [
      never(
        ['electron', 'electron/*'],
        'electron/services is plain Node: it must run in the browser host and the CLI.',
      ),
      never(['react', 'react-*', '@mantine/*', '**/renderer/**'], 'Services do not know the UI.'),
      never(
        ['**/main/**', '**/host/**', '**/cli/**', '**/preload/**'],
        'Services sit below the transports, never above them.',
      ),
    ],
  ),
  layer(
    ['electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    [
      never(['electron', 'electron/*'], 'The browser host and the CLI run on plain Node.'),
      never(
        ['react', 'react-*', '@mantine/*', '**/renderer/**', '**/main/**', '**/preload/**'],
        'Transports use services and shared only.',
      ),
    ],
  ),
  layer(
    ['electron/main/**/*.ts'],
    [
      never(
        [
          'react',
          'react-*',
          '@mantine/*',
          '**/renderer/**',
          '**/host/**',
          '**/cli/**',
          '**/preload/**',
        ],
        'Electron main uses services and shared only.',
      ),
    ],
  ),
  layer(
    ['electron/preload/**/*.ts'],
    [
      never(
        [
          '**/services/**',
          '**/main/**',
          '**/host/**',
          '**/cli/**',
          '**/renderer/**',
          'better-sqlite3*',
          ...NODE_BUILTINS,
        ],
        'The sandboxed preload imports only electron.',
      ),
    ],
  ),
  prettier,
)
