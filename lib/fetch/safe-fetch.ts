import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import { classifyAddress, isIpLiteral } from './address-policy';

/**
 * The one way the server fetches a URL that someone gave it (archived copies, article intake).
 *
 * - http and https only; no credentials in the URL; ports 80 and 443 only.
 * - The host is resolved once; every address it resolves to must be public (lib/fetch/address-policy.ts)
 *   and the connection goes to the address that was checked (the socket's lookup returns it),
 *   so a DNS answer that changes between check and connect (rebinding) cannot reach inside.
 * - Redirects are followed by hand, at most `maxRedirects`, each hop checked the same way.
 * - One deadline covers every hop, headers and body; the body stops at `maxBytes` (also after
 *   decompression); only the declared content types are accepted; 200 is the only success.
 * - No cookies, no auth headers, no keep-alive socket reuse: each hop is a fresh connection.
 */

export type FetchableType = 'text/html' | 'application/xhtml+xml' | 'text/plain' | 'application/pdf';
export const FETCHABLE_TYPES: readonly FetchableType[] = ['text/html', 'application/xhtml+xml', 'text/plain', 'application/pdf'];

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxBytes: 10 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 5 };

export interface FetchOptions {
  accept?: readonly FetchableType[];
  limits?: Partial<FetchLimits>;
}

export interface FetchedDocument {
  requestedUrl: string;
  /** The URL of the response after redirects. */
  finalUrl: string;
  /** Every URL visited, the requested one first. */
  hops: string[];
  mediaType: FetchableType;
  /** The charset the response declared, if any (lower case). */
  charset: string | null;
  bytes: Buffer;
  /** The address the final response came from. */
  address: string;
}

export type FetchRefusal =
  | 'scheme' | 'credentials' | 'port' | 'address' | 'dns' | 'redirects' | 'status' | 'content_type' | 'too_large' | 'timeout' | 'network';

/** Why a fetch was refused or failed; `message` is safe to show to the person who asked. */
export class FetchRefusedError extends Error {
  constructor(
    readonly reason: FetchRefusal,
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'FetchRefusedError';
  }

  /** Refused before connecting (the URL or where it leads is not allowed), as opposed to a failed fetch. */
  get isPolicy(): boolean {
    return ['scheme', 'credentials', 'port', 'address', 'redirects'].includes(this.reason);
  }
}

/** Test seams. Only lib/fetch/test-fetcher.ts builds a fetcher with these; nothing reads them from configuration. */
export interface FetchSeams {
  resolve?: (hostname: string) => Promise<string[]>;
  /** Exact `address:port` endpoints let through although not public (a local server playing an outside site). */
  allowEndpoints?: ReadonlySet<string>;
  /** Called with every endpoint just before a connection is opened. */
  beforeConnect?: (address: string, port: number) => void;
}

const ALLOWED_PORTS = new Set([80, 443]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'ClaimLedger-Archiver/1.0 (+archived copies for fact-checking)';

async function systemResolve(hostname: string): Promise<string[]> {
  const answers = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => a.address);
}

export type SafeFetcher = (url: string, options?: FetchOptions) => Promise<FetchedDocument>;

/** The production fetcher: system DNS, public addresses only. */
export const safeFetch: SafeFetcher = (url, options) => fetchWithSeams({}, url, options);

export function buildFetcher(seams: FetchSeams): SafeFetcher {
  return (url, options) => fetchWithSeams(seams, url, options);
}

function endpointKey(address: string, port: number): string {
  return `${address.includes(':') ? `[${address}]` : address}:${port}`;
}

interface Target {
  url: URL;
  hostname: string;
  port: number;
  address: string;
  family: 4 | 6;
}

/** Checks one hop's URL and where it resolves; returns the one address to connect to. */
async function checkTarget(seams: FetchSeams, raw: string, deadline: Deadline): Promise<Target> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefusedError('scheme', `"${raw}" is not a URL`, raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefusedError('scheme', `only http and https URLs are fetched, not ${url.protocol}`, raw);
  if (url.username || url.password) throw new FetchRefusedError('credentials', 'URLs with a user name or password are not fetched', raw);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  if (!hostname) throw new FetchRefusedError('address', 'the URL has no host', raw);

  let addresses: string[];
  if (isIpLiteral(hostname)) addresses = [hostname];
  else {
    try {
      addresses = await deadline.race((seams.resolve ?? systemResolve)(hostname));
    } catch (error) {
      if (error instanceof FetchRefusedError) throw error;
      throw new FetchRefusedError('dns', `the host ${hostname} could not be resolved`, raw);
    }
    if (addresses.length === 0) throw new FetchRefusedError('dns', `the host ${hostname} has no address`, raw);
  }
  // Every answer must be public: picking the one public answer of a mixed set would let a
  // second lookup (or the OS's choice) land on the private one.
  let chosen: { address: string; family: 4 | 6 } | null = null;
  for (const a of addresses) {
    const verdict = classifyAddress(a);
    const allowed = seams.allowEndpoints?.has(endpointKey(verdict.address, port));
    if (!verdict.public && !allowed) {
      throw new FetchRefusedError('address', `${hostname} resolves to ${verdict.address}, a ${verdict.range} address: only public addresses are fetched`, raw);
    }
    chosen ??= { address: verdict.address, family: verdict.public ? verdict.family : verdict.address.includes(':') ? 6 : 4 };
  }
  if (!ALLOWED_PORTS.has(port) && !seams.allowEndpoints?.has(endpointKey(chosen!.address, port))) {
    throw new FetchRefusedError('port', `only ports 80 and 443 are fetched, not ${port}`, raw);
  }
  return { url, hostname, port, ...chosen! };
}

class Deadline {
  private timer: NodeJS.Timeout | null = null;
  private readonly expired: Promise<never>;
  private fire!: (error: Error) => void;

  constructor(ms: number, url: string) {
    this.expired = new Promise<never>((_, reject) => (this.fire = reject));
    this.expired.catch(() => {});
    this.timer = setTimeout(() => this.fire(new FetchRefusedError('timeout', `no complete answer within ${Math.round(ms / 1000)} s`, url)), ms);
  }

  race<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.expired]);
  }

  onExpire(fn: () => void): void {
    this.expired.catch(fn);
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

function parseContentType(header: string | undefined): { type: string; charset: string | null } {
  if (!header) return { type: '', charset: null };
  const [type, ...params] = header.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const [k, v] = p.split('=');
    if (k?.trim().toLowerCase() === 'charset' && v) charset = v.trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return { type: (type ?? '').trim().toLowerCase(), charset };
}

interface HopResult {
  status: number;
  location: string | null;
  contentType: string | undefined;
  body: Buffer | null;
}

function requestOnce(seams: FetchSeams, target: Target, accept: readonly FetchableType[], limits: FetchLimits, deadline: Deadline, raw: string): Promise<HopResult> {
  return new Promise<HopResult>((resolve, reject) => {
    // The socket connects to the checked address: no second lookup, whatever DNS says now.
    const lookup: LookupFunction = (_host, options, callback) => {
      const cb = callback as (...args: unknown[]) => void;
      if ((options as { all?: boolean }).all) cb(null, [{ address: target.address, family: target.family }]);
      else cb(null, target.address, target.family);
    };
    seams.beforeConnect?.(target.address, target.port);
    const client = target.url.protocol === 'https:' ? https : http;
    const req = client.request(
      {
        protocol: target.url.protocol,
        hostname: target.hostname,
        port: target.port,
        path: `${target.url.pathname}${target.url.search}`,
        method: 'GET',
        agent: false,
        lookup,
        headers: {
          'User-Agent': USER_AGENT,
          Accept: [...accept, '*/*;q=0.1'].join(', '),
          'Accept-Encoding': 'gzip, deflate, br',
          Connection: 'close',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (REDIRECTS.has(status) || status !== 200) {
          res.resume();
          resolve({ status, location: typeof res.headers.location === 'string' ? res.headers.location : null, contentType: res.headers['content-type'], body: null });
          req.destroy();
          return;
        }
        const { type } = parseContentType(res.headers['content-type']);
        if (!(accept as readonly string[]).includes(type)) {
          req.destroy();
          reject(new FetchRefusedError('content_type', `the server sent ${type || 'no content type'}; accepted: ${accept.join(', ')}`, raw));
          return;
        }
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (Number.isFinite(declared) && declared > limits.maxBytes) {
          req.destroy();
          reject(new FetchRefusedError('too_large', `the document is ${declared} bytes, over the ${limits.maxBytes}-byte limit`, raw));
          return;
        }
        const encoding = String(res.headers['content-encoding'] ?? 'identity').toLowerCase();
        let stream: NodeJS.ReadableStream = res;
        if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(zlib.createGunzip());
        else if (encoding === 'deflate') stream = res.pipe(zlib.createInflate());
        else if (encoding === 'br') stream = res.pipe(zlib.createBrotliDecompress());
        else if (encoding !== 'identity') {
          req.destroy();
          reject(new FetchRefusedError('content_type', `unsupported content encoding ${encoding}`, raw));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          // Counted after decompression: a small compressed body cannot expand past the limit.
          if (size > limits.maxBytes) {
            req.destroy();
            reject(new FetchRefusedError('too_large', `the document is over the ${limits.maxBytes}-byte limit`, raw));
            return;
          }
          chunks.push(chunk);
        });
        stream.on('end', () => resolve({ status, location: null, contentType: res.headers['content-type'], body: Buffer.concat(chunks) }));
        stream.on('error', () => reject(new FetchRefusedError('network', 'the response could not be read', raw)));
      },
    );
    deadline.onExpire(() => req.destroy());
    req.on('error', (error: NodeJS.ErrnoException) => {
      reject(new FetchRefusedError('network', `the connection failed (${error.code ?? 'error'})`, raw));
    });
    req.end();
  });
}

async function fetchWithSeams(seams: FetchSeams, url: string, options: FetchOptions = {}): Promise<FetchedDocument> {
  const limits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
  const accept = options.accept ?? FETCHABLE_TYPES;
  const deadline = new Deadline(limits.timeoutMs, url);
  const hops: string[] = [];
  try {
    let current = url;
    for (;;) {
      const target = await checkTarget(seams, current, deadline);
      hops.push(target.url.href);
      const hop = await deadline.race(requestOnce(seams, target, accept, limits, deadline, current));
      if (REDIRECTS.has(hop.status)) {
        if (!hop.location) throw new FetchRefusedError('status', `HTTP ${hop.status} without a Location`, current);
        if (hops.length > limits.maxRedirects) throw new FetchRefusedError('redirects', `more than ${limits.maxRedirects} redirects`, url);
        current = new URL(hop.location, target.url).href;
        continue;
      }
      if (hop.status !== 200 || !hop.body) throw new FetchRefusedError('status', `the server answered HTTP ${hop.status}`, current);
      const { type, charset } = parseContentType(hop.contentType);
      return { requestedUrl: url, finalUrl: target.url.href, hops, mediaType: type as FetchableType, charset, bytes: hop.body, address: target.address };
    }
  } finally {
    deadline.clear();
  }
}
