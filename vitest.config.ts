import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: the model, hub and agents run in Node; components, the app and the Storybook
// stories run in jsdom with Testing Library.
export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    // Hub and agent logs of passing tests are noise; a failing test still shows its output.
    silent: 'passed-only',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'stores/**/*.test.ts', 'bench/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['components/**/*.test.tsx', 'src/app/**/*.test.tsx', 'stores/**/*.test.tsx', 'fixtures/**/*.test.tsx'],
          setupFiles: ['./components/test-setup.ts'],
        },
      },
    ],
  },
});
