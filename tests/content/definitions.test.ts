import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIDENCE_DEFINITION } from '../../lib/shared/definitions';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('the one definition of confidence', () => {
  it('is written word for word in the README’s verdict section and its JSON API section', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const scale = readme.slice(readme.indexOf('### The verdict scale'), readme.indexOf('### Source reliability grades'));
    const api = readme.slice(readme.indexOf('## JSON API'), readme.indexOf('### Writing'));
    expect(scale).toContain(CONFIDENCE_DEFINITION);
    expect(api).toContain(CONFIDENCE_DEFINITION);
  });

  it('is the only sentence the methodology and about pages use for it', () => {
    for (const page of ['app/methodology/page.tsx', 'app/about/page.tsx']) {
      const source = fs.readFileSync(path.join(ROOT, page), 'utf8');
      expect(source).toContain('{CONFIDENCE_DEFINITION}');
      expect(source).not.toMatch(/Confidence is our estimate/);
    }
  });
});
