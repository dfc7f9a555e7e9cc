import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The one place that reads process.env. Paths default to locations under the
 * repository root so that every command (CLI, server, tests) sees the same
 * database wherever it is started from.
 */
export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

/**
 * The folder holding this project's package.json, found upwards from this module: the same
 * answer whether the module runs from lib/, from the CLI's bundle in node_modules/.cache or
 * from a Next.js server chunk.
 */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(fs.readFileSync(path.join(/*turbopackIgnore: true*/ dir, 'package.json'), 'utf8')) as { name?: string }).name === 'claim-ledger') return dir;
    } catch {
      // no package.json here, or not ours: keep going up
    }
    if (path.dirname(dir) === dir) return path.resolve(start, '..');
  }
}

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, 'expected file:<path> (SQLite) or postgres://… ')
    .default('file:.data/claims.sqlite'),
  CLAIMS_DIR: z.string().min(1).default('claims'),
  /** Where `claims export --open` writes the public dataset that /data serves. */
  OPEN_DATA_DIR: z.string().min(1).default('.data/open'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Public origin for permalinks, canonical URLs and JSON-LD, e.g. https://ledger.example.org */
  SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Behind a reverse proxy, trust the client address it puts in X-Forwarded-For; otherwise never. */
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'),
  /** Anonymous evidence proposals allowed per client address per hour. */
  PROPOSAL_RATE_LIMIT: z.coerce.number().int().min(1).max(100000).default(20),
  /** /about: who runs this ledger, how it is funded, and where correction requests go (unset: the page says none was declared). */
  LEDGER_OPERATOR: z.string().trim().min(1).max(300).optional(),
  LEDGER_FUNDING: z.string().trim().min(1).max(1000).optional(),
  CORRECTIONS_EMAIL: z.email().optional(),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Resolves a path from the env against the repository root (absolute paths are kept). */
export function resolveFromRoot(p: string): string {
  return path.isAbsolute(p) ? p : path.join(/*turbopackIgnore: true*/ repoRoot, p);
}

export function getOpenDataDir(): string {
  return resolveFromRoot(getEnv().OPEN_DATA_DIR);
}

export function getClaimsDir(): string {
  return resolveFromRoot(getEnv().CLAIMS_DIR);
}

/** The database location: a SQLite file path, or a PostgreSQL connection string. */
export type DatabaseTarget = { kind: 'sqlite'; filename: string } | { kind: 'postgres'; url: string };

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('file:')) {
    const p = url.slice('file:'.length);
    return { kind: 'sqlite', filename: p === ':memory:' ? p : resolveFromRoot(p) };
  }
  return { kind: 'postgres', url };
}

export function getDatabaseTarget(): DatabaseTarget {
  return parseDatabaseUrl(getEnv().DATABASE_URL);
}
