import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layer rules of STYLE.md section 1, for every folder: the model (src/ but the app) never imports
// the view; stores never import components; components never reach into acp-api or syncdb directly;
// nothing but the hub's own tests, benches and e2e imports the hub or the agents; the lite app
// (src/app) imports only the public entry (src/index.ts), as a host would.
const viewPackages = ['react', 'react-dom', 'antd', 'zustand', '@ant-design/*', 'react-*', 'diff2html'];
const hubAndAgents = ['**/src/hub/**', '**/src/agents/**', '../hub/**', '../agents/**', './hub/**', './agents/**'];
const theApp = ['**/src/app/**', '**/app/*'];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'fixtures/storybook-static', 'e2e/artifacts', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../*/**', ...viewPackages] }] },
  },
  {
    files: ['src/syncdb/**/*.ts', 'src/activity/**/*.ts', 'src/acp-api/**/*.ts', 'src/hub/**/*.ts', 'src/agents/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...viewPackages, '**/stores/**', '**/components/**', '../../stores/*', '../../components/*'] },
      ],
    },
  },
  {
    files: ['src/syncdb/**/*.ts', 'src/activity/**/*.ts', 'src/acp-api/**/*.ts', 'src/protocol/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...viewPackages, ...hubAndAgents, '**/stores/**', '**/components/**'] }] },
  },
  {
    // The public entry: the plugin (components, runtime, hooks, syncdb, acp-api client), never the hub.
    files: ['src/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...hubAndAgents, ...theApp] }] },
  },
  {
    // The lite app is a host: only the public entry, its own files and packages.
    files: ['src/app/**/*.{ts,tsx}'],
    ignores: ['src/app/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../*', '!../index.js', '../../*'] }] },
  },
  {
    // *.hub.ui.test.tsx: the page rendered on the real lite hub started in the test (like stores' *.hub.test.ts).
    files: ['src/app/**/*.test.{ts,tsx}'],
    ignores: ['src/app/**/*.hub.ui.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: hubAndAgents }] },
  },
  {
    files: ['stores/**/*.{ts,tsx}'],
    ignores: ['stores/**/*.hub.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...hubAndAgents, ...theApp, '**/components/**'] }] },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: ['**/src/acp-api/**', '**/src/syncdb/**', ...hubAndAgents, ...theApp] }],
    },
  },
  {
    // Stories and fixtures show the plugin on fixture data: no hub, no agents, not the app.
    files: ['fixtures/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...hubAndAgents, ...theApp] }] },
  },
);
