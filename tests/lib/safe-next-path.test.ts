import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../lib/forms/form-data';

describe('the redirect after sign-in', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNextPath('/claims/gpt3-training-cost-50m/history?x=1#rev-3')).toBe('/claims/gpt3-training-cost-50m/history?x=1#rev-3');
    expect(safeNextPath('/review')).toBe('/review');
  });

  it.each([
    ['//evil.example', 'a protocol-relative URL'],
    ['/\\evil.example', 'a backslash that browsers read as a slash'],
    ['/\t/evil.example', 'a tab that browsers drop'],
    ['/\n/evil.example', 'a newline that browsers drop'],
    ['/\r/evil.example', 'a carriage return'],
    [' /evil', 'a leading space'],
    ['https://evil.example/', 'an absolute URL'],
    ['javascript:alert(1)', 'a script URL'],
    ['/%0a/evil.example', 'an encoded newline is fine as a path'],
  ])('refuses %j (%s) or keeps it on this site', (input) => {
    const out = safeNextPath(input);
    expect(out.startsWith('/')).toBe(true);
    expect(out.startsWith('//')).toBe(false);
    expect(new URL(out, 'https://ledger.example').origin).toBe('https://ledger.example');
  });

  it('falls back to the home page for anything unsafe', () => {
    for (const bad of ['//evil.example', '/\t/evil.example', '/\\evil.example', 'https://evil.example', '/.//evil.example', '/..//evil.example', '/%2e%2e//evil.example', '/a/..//evil.example', undefined, 42]) {
      expect(safeNextPath(bad)).toBe('/');
    }
  });
});
