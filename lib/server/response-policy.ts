import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import zlib from 'node:zlib';

/**
 * Every response's security headers and cache lifetime, decided in one place (server.mjs
 * applies this to each request before Next sees it).
 *
 * Why here and not in Next: Next serves cached pages as they were rendered, so a nonce
 * put in by Next would be the same for every reader of a cached page (and Next takes the
 * nonce from a request header a client can send). Here each HTML response gets a fresh
 * nonce written into its <script> tags as it streams out, whether Next rendered the page
 * now or served it from its cache. React escapes `<` in text and attributes and Next escapes
 * it in its inline data, so a literal `<script` in the output is always a real script tag.
 */

export interface ResponsePolicyOptions {
  /** The site's public origin (SITE_URL): HSTS is sent when it is https. */
  siteUrl?: string;
  /** Changes with every deployment: part of a page's ETag (the same data renders differently after an upgrade). */
  buildId: string;
  /** The store's data version, read before Next renders: a page is at least this fresh. */
  readDataVersion: () => Promise<number | null>;
}

const IMMUTABLE_PREFIX = '/_next/static/';
const REVALIDATE = 'public, max-age=0, must-revalidate';

export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

export function pageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    // Next's inline bootstrap and data scripts carry the nonce; its chunks load from /_next/static.
    `script-src 'self' 'nonce-${nonce}'`,
    // React writes style attributes (a bar's width, a graph's size): styles are not scripts.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The lineage drawing is an <object> of our own SVG.
    "object-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** An SVG document the claim page embeds with <object>: no scripts, embeddable by this site only. */
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";
/** JSON, text, files: nothing in them may run, and nothing may frame them. */
const OTHER_CSP = "default-src 'none'; frame-ancestors 'none'";

const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

export function securityHeaders(contentType: string, nonce: string, siteUrl: string | undefined): Record<string, string> {
  const html = contentType.startsWith('text/html');
  const svg = contentType.startsWith('image/svg+xml');
  const headers: Record<string, string> = {
    'Content-Security-Policy': html ? pageCsp(nonce) : svg ? SVG_CSP : OTHER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': svg ? 'SAMEORIGIN' : 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (siteUrl?.startsWith('https:')) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

/**
 * Next marks a page it caches `s-maxage=31536000`: true to the app's own cache (which
 * follows the data version) but a year-long promise to any CDN in front. A shared cache may
 * keep such a response only if it asks again each time, and gets a 304 while nothing changed.
 */
export function isSharedCacheable(cacheControl: string | undefined): boolean {
  if (!cacheControl) return false;
  return !/\b(private|no-store|no-cache)\b/i.test(cacheControl);
}

/** RFC 9110 §13.1.2: If-None-Match uses the weak comparison; `*` matches any current representation. */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((t) => opaque(t) === opaque(etag));
}

/**
 * Inserts ` nonce="…"` after every `<script` opening tag in a byte stream cut anywhere:
 * a tag split between two chunks waits in `carry` for the next one.
 */
export function createNonceInjector(nonce: string): { push: (chunk: Buffer) => Buffer; flush: () => Buffer } {
  const needle = Buffer.from('<script');
  const attr = Buffer.from(` nonce="${nonce}"`);
  // '<script' and the byte after it, which tells a tag from a longer name.
  const span = needle.length + 1;
  let carry = Buffer.alloc(0);
  const run = (buf: Buffer, final: boolean): Buffer => {
    const cut = final ? buf.length : Math.max(0, buf.length - span + 1);
    const parts: Buffer[] = [];
    let from = 0;
    for (let i = buf.indexOf(needle); i !== -1 && i < cut; i = buf.indexOf(needle, i + needle.length)) {
      const after = buf[i + needle.length];
      if (after === 0x20 || after === 0x3e || after === 0x09 || after === 0x0a || after === 0x2f) {
        parts.push(buf.subarray(from, i + needle.length), attr);
        from = i + needle.length;
      }
    }
    const end = Math.max(from, cut);
    parts.push(buf.subarray(from, end));
    carry = Buffer.from(buf.subarray(end));
    return Buffer.concat(parts);
  };
  return {
    push: (chunk) => run(carry.length ? Buffer.concat([carry, chunk]) : chunk, false),
    flush: () => run(carry, true),
  };
}

function toBuffer(chunk: unknown, encoding?: BufferEncoding): Buffer {
  if (chunk === undefined || chunk === null) return Buffer.alloc(0);
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding ?? 'utf8');
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk));
}

function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name?.trim().toLowerCase() !== 'gzip') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml|text\/x-component)/;

/** Pages and their RSC payloads, which proxy.ts renders in the reader's language; the JSON API is not localised. */
export function isLocalisedPage(url: string, contentType: string): boolean {
  if (url.startsWith('/api/') || url.startsWith('/_next/')) return false;
  if (contentType.startsWith('text/html') || contentType.startsWith('text/x-component')) return true;
  // The lineage drawing labels its nodes and flags in the reader's language.
  return contentType.startsWith('image/svg+xml') && /^\/claims\/[^/]+\/lineage\.svg(\?|$)/.test(url);
}

type WriteCallback = (error?: Error | null) => void;

/**
 * Applies the policy to one response. Call before handing the request to Next: it takes
 * over compression (Next would compress before the nonce goes in) and wraps the response's
 * writeHead, write and end.
 */
export async function applyResponsePolicy(req: IncomingMessage, res: ServerResponse, options: ResponsePolicyOptions): Promise<void> {
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const readMethod = method === 'GET' || method === 'HEAD';
  // A client must not choose the nonce Next would print into a page it then caches.
  delete req.headers['content-security-policy'];
  delete req.headers['content-security-policy-report-only'];
  const wantsGzip = acceptsGzip(req.headers['accept-encoding']);
  delete req.headers['accept-encoding'];
  const ifNoneMatch = typeof req.headers['if-none-match'] === 'string' ? req.headers['if-none-match'] : undefined;
  const version = readMethod && !url.startsWith(IMMUTABLE_PREFIX) ? await options.readDataVersion() : null;

  const nonce = createNonce();
  let injector: ReturnType<typeof createNonceInjector> | null = null;
  let gzip: zlib.Gzip | null = null;
  let discardBody = false;
  let ended = false;
  const rawWriteHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  const rawWrite = res.write.bind(res) as (chunk: Buffer, cb?: WriteCallback) => boolean;
  const rawEnd = res.end.bind(res) as (chunk?: Buffer, cb?: () => void) => ServerResponse;

  res.writeHead = function writeHead(status: number, ...rest: unknown[]) {
    const headers = rest.find((r) => r && typeof r === 'object') as OutgoingHttpHeaders | unknown[] | undefined;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    }
    const contentType = String(res.getHeader('content-type') ?? '');
    for (const [name, value] of Object.entries(securityHeaders(contentType, nonce, options.siteUrl))) {
      if (!res.hasHeader(name) || name === 'Content-Security-Policy') res.setHeader(name, value);
    }
    // Next's ETag for a page (and its RSC payload) hashes the page as cached; the nonce makes
    // each copy differ in its bytes, so the tag is a weak one. API tags stay as their routes set them.
    const tag = res.getHeader('etag');
    if (!url.startsWith('/api/') && typeof tag === 'string' && tag.startsWith('"')) res.setHeader('ETag', `W/${tag}`);
    if (status === 304) {
      // The browser keeps the page it has, whose scripts carry the nonce of the response that
      // brought it; a 304's headers replace the stored ones, so it must not bring a new nonce.
      res.removeHeader('content-security-policy');
      return rawWriteHead(status);
    }
    const html = contentType.startsWith('text/html');
    const cacheControl = res.getHeader('cache-control');
    if (url.startsWith(IMMUTABLE_PREFIX) || (typeof cacheControl === 'string' && /\bimmutable\b/.test(cacheControl))) {
      // Hashed file names, or a URL carrying its content's fingerprint (the verdict icons): these
      // never change, a year-long lifetime is true.
    } else if (readMethod && status === 200 && isSharedCacheable(typeof cacheControl === 'string' ? cacheControl : undefined)) {
      res.setHeader('Cache-Control', REVALIDATE);
      if (!res.hasHeader('etag') && version !== null) {
        // A page holds the nonce, so two responses are equivalent but not byte-identical: weak.
        res.setHeader('ETag', `W/"${createHash('sha256').update(`${options.buildId}:${version}`).digest('base64url').slice(0, 16)}"`);
      }
      const etag = String(res.getHeader('etag') ?? '');
      if (etag && ifNoneMatchMatches(ifNoneMatch, etag)) {
        discardBody = true;
        for (const name of ['content-type', 'content-length', 'content-encoding', 'transfer-encoding', 'content-security-policy']) res.removeHeader(name);
        // (the CSP stays out for the reason above)
        return rawWriteHead(304);
      }
    } else if (readMethod && status === 200 && !cacheControl) {
      res.setHeader('Cache-Control', 'no-store');
    }
    if (html) {
      // The nonce changes the length (and a HEAD answers as the GET would).
      res.removeHeader('content-length');
      if (method !== 'HEAD') injector = createNonceInjector(nonce);
    }
    const length = Number(res.getHeader('content-length') ?? Infinity);
    if (wantsGzip && method !== 'HEAD' && status !== 204 && status !== 304 && !res.hasHeader('content-encoding') && COMPRESSIBLE.test(contentType) && length > 1024) {
      gzip = zlib.createGzip();
      res.setHeader('Content-Encoding', 'gzip');
      res.removeHeader('content-length');
      gzip.on('data', (data: Buffer) => rawWrite(data));
    }
    const varyOf = () => {
      const vary = res.getHeader('vary');
      return Array.isArray(vary) ? vary.join(',') : String(vary ?? '');
    };
    if (COMPRESSIBLE.test(contentType) && !/accept-encoding/i.test(varyOf())) res.appendHeader('Vary', 'Accept-Encoding');
    // A page (or its RSC payload) is in the language proxy.ts picked from the `locale` cookie or
    // Accept-Language: a shared cache must keep one copy per language, never serve one to the other.
    if (isLocalisedPage(url, contentType)) {
      for (const name of ['Accept-Language', 'Cookie']) if (!new RegExp(`\\b${name}\\b`, 'i').test(varyOf())) res.appendHeader('Vary', name);
    }
    return rawWriteHead(status);
  } as typeof res.writeHead;

  const emit = (data: Buffer, cb?: WriteCallback): boolean => {
    if (discardBody) {
      cb?.();
      return true;
    }
    const out = injector ? injector.push(data) : data;
    if (gzip) {
      gzip.write(out);
      // Streamed pages (Suspense) must reach the reader as they are rendered.
      gzip.flush(zlib.constants.Z_SYNC_FLUSH, () => cb?.());
      return true;
    }
    return rawWrite(out, cb);
  };

  res.write = function write(chunk: unknown, encoding?: unknown, cb?: unknown) {
    if (!res.headersSent) res.writeHead(res.statusCode);
    const callback = (typeof encoding === 'function' ? encoding : cb) as WriteCallback | undefined;
    return emit(toBuffer(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined), callback);
  } as typeof res.write;

  res.end = function end(chunk?: unknown, encoding?: unknown, cb?: unknown) {
    if (ended) return res;
    ended = true;
    const callback = [chunk, encoding, cb].find((x) => typeof x === 'function') as (() => void) | undefined;
    const data = typeof chunk === 'function' ? Buffer.alloc(0) : toBuffer(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined);
    if (!res.headersSent) {
      // A body given whole to end(): its length is known, which decides compression.
      if (data.length && !res.hasHeader('content-length') && !res.hasHeader('transfer-encoding')) res.setHeader('Content-Length', data.length);
      res.writeHead(res.statusCode);
    }
    if (discardBody) return rawEnd(undefined, callback);
    const tail = injector ? Buffer.concat([injector.push(data), injector.flush()]) : data;
    if (gzip) {
      const z = gzip;
      z.end(tail, () => undefined);
      z.once('end', () => rawEnd(undefined, callback));
      return res;
    }
    return rawEnd(tail.length ? tail : undefined, callback);
  } as typeof res.end;
}

/**
 * A POST to a page is a server action (or the sign-out form). From another origin it is a
 * forged request: Next refuses it by throwing ("Invalid Server Actions request"), which
 * reaches the reader as a 500. It is refused here first, as the 403 it is.
 */
export function isCrossOriginFormPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || (req.url ?? '').startsWith('/api/')) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return false; // as Next: browsers that send no Origin are let through
  const forwarded = req.headers['x-forwarded-host'];
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() || req.headers.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (a sandboxed frame, a data: page) or garbage
  }
}
