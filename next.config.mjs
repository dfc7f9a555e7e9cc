import createNextIntlPlugin from 'next-intl/plugin';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 is a native addon, and pdf.js loads its worker and fonts from its own package
  // folder: keep them out of the server bundle (linkedom and Readability go with them).
  // citation-js stays external too: its citeproc engines are cached in the package, and the start-up
  // warm-up (instrumentation.ts) must warm the same copy the routes use.
  serverExternalPackages: ['better-sqlite3', 'tsx', 'pdfjs-dist', 'linkedom', '@mozilla/readability', '@citation-js/core', '@citation-js/plugin-csl', '@citation-js/plugin-bibtex', '@citation-js/plugin-ris'],
  // Silence the workspace-root inference when the repo is cloned inside another project.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
  // Cached pages stay fresh by the store's data version, not by time: any process's write
  // shows at the next request (see the handler). Next's own memory cache would serve
  // entries without asking the handler, so it is turned off.
  cacheHandler: new URL('./lib/cache/data-version-cache-handler.mjs', import.meta.url).pathname,
  cacheMaxMemorySize: 0,
};

// next-intl finds its request configuration (the locale and its catalogue) through this plugin.
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

export default withNextIntl(nextConfig);
