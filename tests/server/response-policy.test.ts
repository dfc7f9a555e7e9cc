import type { IncomingMessage } from 'node:http';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createNonceInjector, ifNoneMatchMatches, isCrossOriginFormPost, isSharedCacheable, pageCsp, securityHeaders } from '../../lib/server/response-policy';

const NONCE = 'bm9uY2Utb2YtdGVzdA==';
const inject = (s: string) => s.replaceAll(/<script(?=[\s>/])/g, `<script nonce="${NONCE}"`);

function runInjector(chunks: string[]): string {
  const injector = createNonceInjector(NONCE);
  const out = chunks.map((c) => injector.push(Buffer.from(c)));
  out.push(injector.flush());
  return Buffer.concat(out).toString();
}

describe('the response policy', () => {
  it('puts the nonce in every script tag, leaving other tags and text alone', () => {
    const html = '<head><script src="/a.js" async></script><noscript>x</noscript></head><body><script>self.__next_f.push([1,"\\u003cscript"])</script><scripts></scripts></body>';
    expect(runInjector([html])).toBe(
      `<head><script nonce="${NONCE}" src="/a.js" async></script><noscript>x</noscript></head><body><script nonce="${NONCE}">self.__next_f.push([1,"\\u003cscript"])</script><scripts></scripts></body>`,
    );
  });

  test.prop([fc.array(fc.constantFrom('<script>', '<script src=x>', '</script>', '<scripts>', 'text 中文 ', '<', 's', 'cript', ' '), { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 8 })])(
    'gives the same output however the stream is cut into chunks',
    (parts, cuts) => {
      const whole = parts.join('');
      const bytes = Buffer.from(whole);
      const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const chunks: string[] = [];
      let from = 0;
      for (const p of [...points, bytes.length]) {
        chunks.push(bytes.subarray(from, p).toString('latin1'));
        from = p;
      }
      const injector = createNonceInjector(NONCE);
      const out = Buffer.concat([...chunks.map((c) => injector.push(Buffer.from(c, 'latin1'))), injector.flush()]).toString();
      expect(out).toBe(inject(whole));
    },
  );

  it('sends a page CSP without unsafe-inline for scripts, and frame-ancestors none', () => {
    const csp = pageCsp(NONCE);
    const script = csp.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe(`script-src 'self' 'nonce-${NONCE}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    const headers = securityHeaders('text/html; charset=utf-8', NONCE, 'https://ledger.example.org');
    expect(headers).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin', 'X-Frame-Options': 'DENY' });
    expect(headers['Strict-Transport-Security']).toMatch(/max-age=\d+/);
    expect(securityHeaders('text/html', NONCE, 'http://localhost:3000')['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders('application/json', NONCE, undefined)['Content-Security-Policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('compares If-None-Match weakly, over a list, with *', () => {
    expect(ifNoneMatchMatches('W/"v2"', 'W/"v2"')).toBe(true);
    expect(ifNoneMatchMatches('"v2"', 'W/"v2"')).toBe(true);
    expect(ifNoneMatchMatches('"a", W/"v2"', 'W/"v2"')).toBe(true);
    expect(ifNoneMatchMatches('*', '"x"')).toBe(true);
    expect(ifNoneMatchMatches('W/"v1"', 'W/"v2"')).toBe(false);
    expect(ifNoneMatchMatches(undefined, 'W/"v2"')).toBe(false);
  });

  it("treats Next's cached pages as shared-cacheable and private or no-store responses as not", () => {
    expect(isSharedCacheable('s-maxage=31536000')).toBe(true);
    expect(isSharedCacheable('public, max-age=0, must-revalidate')).toBe(true);
    expect(isSharedCacheable('private, no-cache, no-store, max-age=0, must-revalidate')).toBe(false);
    expect(isSharedCacheable(undefined)).toBe(false);
  });

  it('refuses a page POST from another origin (or "null"), not one from this host or an API call', () => {
    const req = (headers: Record<string, string>, url = '/sign-in', method = 'POST') => ({ method, url, headers }) as unknown as IncomingMessage;
    expect(isCrossOriginFormPost(req({ host: 'ledger.test', origin: 'https://evil.test' }))).toBe(true);
    expect(isCrossOriginFormPost(req({ host: 'ledger.test', origin: 'null' }))).toBe(true);
    expect(isCrossOriginFormPost(req({ host: 'ledger.test', origin: 'http://ledger.test' }))).toBe(false);
    expect(isCrossOriginFormPost(req({ host: 'ledger.test' }))).toBe(false);
    expect(isCrossOriginFormPost(req({ host: 'ledger.test', origin: 'https://evil.test' }, '/api/sources'))).toBe(false);
    expect(isCrossOriginFormPost(req({ host: 'ledger.test', origin: 'https://evil.test' }, '/', 'GET'))).toBe(false);
  });
});
