import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAddress } from '../../lib/fetch/address-policy';
import { FetchRefusedError, safeFetch, type SafeFetcher } from '../../lib/fetch/safe-fetch';
import { createTestFetcher } from '../../lib/fetch/test-fetcher';

// A local server plays the outside site. The test fetcher lets exactly its endpoint through;
// every other non-public address is judged by the production policy. `connected` records every
// endpoint a connection was opened to, and any endpoint other than the local server throws
// before a socket exists, so no test can send a packet to a private range even if the policy broke.

let server: http.Server;
let port: number;
let site: string;
const seenHeaders: http.IncomingHttpHeaders[] = [];
let connected: string[] = [];
let fetcher: SafeFetcher;
let trickyDns: Record<string, string[]>;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seenHeaders.push(req.headers);
    const url = new URL(req.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/page':
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': 'tracker=1' });
        res.end('<html><body><p>Hello</p></body></html>');
        return;
      case '/redirect':
        res.writeHead(302, { Location: url.searchParams.get('to') ?? '/page', 'Set-Cookie': 'session=abc' });
        res.end();
        return;
      case '/loop':
        res.writeHead(301, { Location: '/loop' });
        res.end();
        return;
      case '/big':
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(2_000_000) });
        res.end(Buffer.alloc(2_000_000, 97));
        return;
      case '/big-chunked': {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        for (let i = 0; i < 40; i++) res.write(Buffer.alloc(50_000, 98));
        res.end();
        return;
      }
      case '/bomb':
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' });
        res.end(zlib.gzipSync(Buffer.alloc(5_000_000, 0)));
        return;
      case '/slow': {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        const timer = setInterval(() => res.write('.'), 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/json':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{}');
        return;
      default:
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('no');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  site = `http://127.0.0.1:${port}`;
  trickyDns = { 'loopback.test': ['127.0.0.1'], 'mixed.test': ['93.184.216.34', '127.0.0.1'], 'metadata.test': ['169.254.169.254'], 'private.test': ['10.1.2.3'] };
  fetcher = createTestFetcher({
    resolve: async (host) => trickyDns[host] ?? [],
    allowEndpoints: new Set([`127.0.0.1:${port}`]),
    beforeConnect: (address, p) => {
      connected.push(`${address}:${p}`);
      if (address !== '127.0.0.1' || p !== port) throw new Error(`test guard: refused to connect to ${address}:${p}`);
    },
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function refusal(p: Promise<unknown>): Promise<FetchRefusedError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefusedError);
  return error as FetchRefusedError;
}

describe('the address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.9.9.9', 'loopback'], ['::1', 'loopback'], ['10.0.0.1', 'private'], ['172.16.5.4', 'private'], ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal (cloud metadata service)'], ['100.64.0.1', 'carrierGradeNat'], ['100.100.100.200', 'carrierGradeNat (cloud metadata service)'],
    ['0.0.0.0', 'unspecified'], ['224.0.0.1', 'multicast'], ['fd00:ec2::254', 'uniqueLocal (cloud metadata service)'], ['fc00::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'], ['ff02::1', 'multicast'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:a9fe:a9fe', 'linkLocal (cloud metadata service)'],
    ['::ffff:10.0.0.1', 'private'], ['64:ff9b::a00:1', 'rfc6052'], ['2002:7f00:1::', '6to4'], ['192.0.2.10', 'reserved'], ['198.18.0.1', 'reserved'],
  ])('refuses %s (%s)', (address, range) => {
    expect(classifyAddress(address)).toEqual({ public: false, address: expect.any(String), range });
  });

  it.each([['93.184.216.34', 4], ['8.8.8.8', 4], ['2606:4700:4700::1111', 6]])('allows the public address %s', (address, family) => {
    expect(classifyAddress(address)).toEqual({ public: true, address, family });
  });
});

describe('safeFetch refuses inside addresses before connecting', () => {
  it.each(['http://127.0.0.1:{port}/page', 'http://[::1]:{port}/page', 'http://2130706433:{port}/page', 'http://[::ffff:127.0.0.1]:{port}/page'])(
    'refuses %s with the production fetcher although a server listens there',
    async (template) => {
      const e = await refusal(safeFetch(template.replace('{port}', String(port))));
      expect(e.reason).toBe('address');
      expect(e.message).toMatch(/loopback address: only public addresses are fetched/);
    },
  );

  it.each(['http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://100.64.0.1/', 'http://[fd00:ec2::254]/'])('refuses %s', async (url) => {
    connected = [];
    const e = await refusal(fetcher(url));
    expect(e.reason).toBe('address');
    expect(connected).toEqual([]);
  });

  it('refuses a DNS name that resolves to loopback, or to a private or metadata address', async () => {
    connected = [];
    for (const host of ['loopback.test', 'private.test', 'metadata.test']) {
      const e = await refusal(fetcher(`http://${host}/page`));
      expect(e.reason).toBe('address');
      expect(e.message).toContain(`${host} resolves to ${trickyDns[host]![0]}`);
    }
    expect(connected).toEqual([]);
  });

  it('refuses a name with any inside address among its answers, not just the first', async () => {
    const e = await refusal(fetcher(`http://mixed.test/`));
    expect(e.message).toContain('resolves to 127.0.0.1');
  });

  it('refuses other schemes, credentials in the URL and other ports', async () => {
    expect((await refusal(fetcher('file:///etc/passwd'))).reason).toBe('scheme');
    expect((await refusal(fetcher('ftp://example.org/x'))).reason).toBe('scheme');
    expect((await refusal(fetcher('javascript:alert(1)'))).reason).toBe('scheme');
    expect((await refusal(fetcher(`http://user:pw@127.0.0.1:${port}/page`))).reason).toBe('credentials');
    trickyDns['public.test'] = ['93.184.216.34'];
    connected = [];
    expect((await refusal(fetcher('http://public.test:8080/'))).reason).toBe('port');
    expect(connected).toEqual([]);
  });
});

describe('safeFetch against the stand-in outside site', () => {
  it('fetches a page, sends no cookie and follows a redirect within the site', async () => {
    seenHeaders.length = 0;
    const doc = await fetcher(`${site}/redirect?to=/page`);
    expect(doc.mediaType).toBe('text/html');
    expect(doc.charset).toBe('utf-8');
    expect(doc.bytes.toString('utf8')).toContain('<p>Hello</p>');
    expect(doc.hops).toEqual([`${site}/redirect?to=/page`, `${site}/page`]);
    expect(doc.finalUrl).toBe(`${site}/page`);
    expect(seenHeaders).toHaveLength(2);
    // The first hop set a cookie; the second does not send it back.
    for (const h of seenHeaders) {
      expect(h.cookie).toBeUndefined();
      expect(h.authorization).toBeUndefined();
    }
  });

  it.each([
    ['http://127.0.0.1/', '127.0.0.1'],
    ['http://[::1]/', '::1'],
    ['http://10.0.0.1/', '10.0.0.1'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://loopback.test/', '127.0.0.1'],
    ['http://[::ffff:169.254.169.254]/', '169.254.169.254'],
  ])('refuses a redirect to %s after connecting only to the site', async (to, address) => {
    connected = [];
    const e = await refusal(fetcher(`${site}/redirect?to=${encodeURIComponent(to)}`));
    expect(e.reason).toBe('address');
    expect(e.message).toContain(`resolves to ${address}`);
    expect(connected).toEqual([`127.0.0.1:${port}`]);
  });

  it('stops after the redirect limit', async () => {
    const e = await refusal(fetcher(`${site}/loop`, { limits: { maxRedirects: 3 } }));
    expect(e.reason).toBe('redirects');
  });

  it('refuses a body over the size limit, declared, chunked or decompressed', async () => {
    const limits = { maxBytes: 1_000_000 };
    expect((await refusal(fetcher(`${site}/big`, { limits }))).reason).toBe('too_large');
    expect((await refusal(fetcher(`${site}/big-chunked`, { limits }))).reason).toBe('too_large');
    expect((await refusal(fetcher(`${site}/bomb`, { limits }))).reason).toBe('too_large');
    // Under the limit the same documents come through.
    expect((await fetcher(`${site}/big-chunked`, { limits: { maxBytes: 3_000_000 } })).bytes.length).toBe(2_000_000);
  });

  it('gives up on a server that drips its answer past the deadline', async () => {
    const e = await refusal(fetcher(`${site}/slow`, { limits: { timeoutMs: 400 } }));
    expect(e.reason).toBe('timeout');
  });

  it('accepts only the declared content types and a 200', async () => {
    const e = await refusal(fetcher(`${site}/json`));
    expect(e.reason).toBe('content_type');
    expect(e.message).toContain('application/json');
    expect((await refusal(fetcher(`${site}/page`, { accept: ['application/pdf'] }))).reason).toBe('content_type');
    const missing = await refusal(fetcher(`${site}/nothing-here`));
    expect(missing.reason).toBe('status');
    expect(missing.message).toContain('404');
  });
});
