/**
 * Field lengths for evidence and source forms, apart from the schemas that enforce them:
 * the browser's forms use them too, and a client component must not pull zod in (zod probes
 * `Function("")` at load, which the page's Content-Security-Policy rightly refuses).
 */
export const LIMITS = {
  excerpt: 5000,
  translation: 5000,
  note: 10000,
  reason: 5000,
  locator: 300,
  title: 500,
  publisher: 300,
  unit: 40,
  url: 2000,
} as const;
