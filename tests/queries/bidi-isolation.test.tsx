import { renderEn } from '../helpers/intl';
import { describe, expect, it } from 'vitest';
import { EvidenceEntry } from '../../app/_components/evidence-groups';
import { SourceTitle } from '../../app/_components/source-title';
import type { EvidenceItem, SourceLink } from '../../lib/claims/dto';

// A right-to-left override (U+202E) in a title would reverse the words after it on the same
// line (the date, the grade), a zero-width joiner hides among them: each piece of user text
// is its own bidi island, shown as submitted.
const RLO = '\u202e';
const source: SourceLink = { id: 's', title: `evil${RLO}gnp.exe`, publisher: 'Bureau', published: '2025', type: 'dataset', reliability: 'A', url: null, verified: true };

describe('user text is isolated for bidi when rendered', () => {
  it('puts a source title in <bdi>, so its override ends at the title', () => {
    expect(renderEn(<SourceTitle source={source} />)).toContain(`<bdi>evil${RLO}gnp.exe</bdi></a>`);
  });

  it('gives an excerpt, its translation and its note their own direction, and the source title a <bdi>', () => {
    const item: EvidenceItem = {
      id: 'e', claimId: 'c', stance: 'supports', target: 'claim', excerpt: `${RLO}quoted\u200dtext`, lang: 'en', translation: `a${RLO}b`, locator: null,
      value: null, unit: null, asOf: null, note: `note ${RLO}here`, author: 'x', createdAt: '2026-01-01', source,
    };
    const html = renderEn(<EvidenceEntry item={item} />);
    expect(html).toContain(`<blockquote lang="en" dir="auto">${RLO}quoted\u200dtext</blockquote>`);
    expect(html).toContain(`dir="auto">a${RLO}b</p>`);
    expect(html).toMatch(/<div class="evidence-note" dir="auto">/);
    expect(html).toContain(`<bdi>evil${RLO}gnp.exe</bdi>`);
  });
});
