import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** `npm run test:reliability`: the crash, contention and backup runs only, one file at a time (they start servers). */
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'tests/helpers/empty-module.ts'),
    },
  },
  test: {
    environment: 'node',
    include: ['tests/reliability/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 400_000,
    maxWorkers: 1,
  },
});
