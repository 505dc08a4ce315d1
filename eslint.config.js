// Layer rules follow DESIGN.md ("Imports go one way only"); VS Code's layer checks are the model.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import boundaries from 'eslint-plugin-boundaries'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const layers = [
  { type: 'core', pattern: 'src/core' },
  { type: 'editor', pattern: 'src/editor' },
  { type: 'collab', pattern: 'src/collab' },
  { type: 'server', pattern: 'src/server' },
  { type: 'app', pattern: 'app' },
  { type: 'electron-main', pattern: 'electron/main' },
  { type: 'electron-preload', pattern: 'electron/preload' },
  { type: 'e2e', pattern: 'e2e' },
  { type: 'bench', pattern: 'bench' },
  { type: 'scripts', pattern: 'scripts' },
]

const allow = (from, to) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } } },
})

/*
 * A ProseMirror plugin added to a live editor recreates every plugin view, and the collaboration
 * plugin's view then rebuilds the whole document from Yjs: plugins go in with the extensions the
 * editor is created with (as the article's selection menu does), never registered afterwards.
 * `@tiptap/react/menus` registers its menus' plugins that way, once mounted.
 */
const LATE_PLUGIN =
  'Registering a plugin on a live editor rebuilds its whole document from Yjs: add it as an extension when the editor is created.'

/**
 * Node built-ins are for the Node side only; the renderer and the pure core must not reach them.
 * Nor may they add editor plugins late.
 */
const rendererRules = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: '@tiptap/react/menus', message: LATE_PLUGIN }],
      patterns: [
        {
          regex: '^(node:|fs$|path$|os$|child_process$|http$|crypto$|electron$)',
          message:
            'This layer runs in the renderer or is pure domain code: no Node or Electron APIs.',
        },
      ],
    },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "CallExpression[callee.property.name='registerPlugin']", message: LATE_PLUGIN },
  ],
}

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'release',
      'test-results',
      'playwright-report',
      'e2e-artifacts',
      'resources',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': layers,
      'boundaries/include': ['app/**', 'src/**', 'electron/**', 'e2e/**', 'bench/**', 'scripts/**'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            allow('core', ['core']),
            allow('editor', ['editor', 'core']),
            allow('collab', ['collab', 'editor', 'core']),
            allow('app', ['app', 'core', 'editor', 'collab']),
            allow('server', ['server', 'core']),
            allow('electron-main', ['electron-main', 'core', 'server']),
            allow('electron-preload', ['electron-preload', 'core']),
            allow('e2e', ['e2e', 'core', 'server']),
            allow('bench', ['bench', 'core', 'server', 'collab', 'editor', 'e2e']),
            allow('scripts', ['scripts', 'core', 'server']),
          ],
        },
      ],
    },
  },
  {
    // The sync client's tests run against the real seminar server on loopback: they may start
    // it (the client code itself still may not import the server).
    files: ['src/collab/**/*.test.ts'],
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [allow('collab', ['collab', 'editor', 'core', 'server'])],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/editor/**/*.ts', 'src/collab/**/*.ts', 'app/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: rendererRules,
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: [
      'src/server/**',
      'electron/**',
      'scripts/**',
      'bin/**',
      'e2e/**',
      'bench/**',
      '*.config.*',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  prettier,
)
