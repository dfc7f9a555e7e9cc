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
    // Both pages speak the reader's language: the English catalogue entry they read is the definition, word for word.
    const about = fs.readFileSync(path.join(ROOT, 'app/[locale]/about/page.tsx'), 'utf8');
    expect(about).toContain("methodology('confidence.definition')");
    expect(about).not.toMatch(/Confidence is our estimate/);
    const methodology = fs.readFileSync(path.join(ROOT, 'app/[locale]/methodology/page.tsx'), 'utf8');
    expect(methodology).toContain("t('confidence.definition')");
    expect(methodology).not.toMatch(/Confidence is our estimate/);
    const en = { methodology: JSON.parse(fs.readFileSync(path.join(ROOT, 'messages/en/methodology.json'), 'utf8')) as { confidence: { definition: string } } };
    expect(en.methodology.confidence.definition).toBe(CONFIDENCE_DEFINITION);
  });
});
