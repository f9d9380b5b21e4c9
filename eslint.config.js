import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layer rules of STYLE.md section 1: the model never imports the view, components never reach
// into acp-api or syncdb directly, and the hub never imports stores or components.
const viewPackages = ['react', 'react-dom', 'antd', 'zustand', '@ant-design/*', 'react-*', 'diff2html'];

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
    files: ['components/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: ['**/src/acp-api/**', '**/src/syncdb/**', '**/src/hub/**'] }],
    },
  },
);
