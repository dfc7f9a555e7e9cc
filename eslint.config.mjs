import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', 'node_modules/**', '.data/**', 'artifacts/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Every page sits under app/[locale]/ (proxy.ts rewrites to it), and this rule reads the
      // folder as a route that matches any first segment: it would flag every <a href="/…">.
      // The links it means are checked by the e2e tests that follow them.
      '@next/next/no-html-link-for-pages': 'off',
      // Configuration lives in lib/env.ts only.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts.' }],
      // The fetcher's test seams (an injected resolver, endpoints let through) exist for tests only.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/fetch/test-fetcher'], message: 'Fetch through lib/fetch/safe-fetch.ts; the test fetcher is for tests only.' }] }],
    },
  },
  {
    files: ['tests/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Migrations are frozen in time and take Kysely<any>, as Kysely's docs advise.
    files: ['db/migrations/**', 'db/migrator.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['lib/env.ts', 'tests/**', 'scripts/**', 'next.config.mjs'],
    rules: { 'no-restricted-properties': 'off' },
  },
];

export default config;
