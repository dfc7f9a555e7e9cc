import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Next's guard module throws outside a React Server Components bundle.
      'server-only': path.resolve(import.meta.dirname, 'tests/helpers/empty-module.ts'),
    },
  },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Crash, contention and backup runs: `npm run test:reliability` (vitest.reliability.config.mts).
    exclude: ['tests/reliability/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // Tests that start servers and browsers share 2 cores: keep files from starving each other.
    maxWorkers: 2,
  },
});
