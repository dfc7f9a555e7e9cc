import { renderEn } from '../helpers/intl';
import { describe, expect, it } from 'vitest';
import { VerdictSummary } from '../../app/_components/verdict-summary';
import { buildClaimReview } from '../../lib/citations/claim-review';
import type { ClaimDetail } from '../../lib/claims/dto';

const text = 'The attribution holds, but the figure measures all misallocated capital, not AI alone.';
const claim = {
  id: 'x', statement: 'A claim.', claimant: 'Someone', lastReviewed: '2026-11-02', appearances: [],
  verdict: { value: 'mixed', label: 'Mixed', ratingValue: 3, date: '2026-11-01', origin: 'file' },
  summary: { text, verdict: 'mixed', date: '2026-11-01' },
} as unknown as ClaimDetail;
const noteReason = 'The primary report contradicts the figure.';
const changedByNote = {
  ...claim,
  verdict: { value: 'false', label: 'False', ratingValue: 1, date: '2026-12-01', origin: 'note' },
  confidenceNotes: [{ id: 'n1', confidence: 0.2, verdict: 'false', reason: noteReason, evidenceIds: [], author: 'Editors', createdAt: '2026-12-01T00:00:00Z' }],
} as ClaimDetail;

describe('the verdict summary', () => {
  it('is the ClaimReview reviewBody and the rating explanation', () => {
    const ld = buildClaimReview(claim, 'u');
    expect(ld.reviewBody).toBe(text);
    expect(ld.reviewRating).toMatchObject({ ratingValue: 3, ratingExplanation: text });
  });

  it('is left out of the JSON-LD, and marked on the page, once a later note changed the verdict: the note explains the rating', () => {
    const ld = buildClaimReview(changedByNote, 'u');
    expect(ld).not.toHaveProperty('reviewBody');
    expect(ld.reviewRating).toMatchObject({ alternateName: 'False', ratingValue: 1, ratingExplanation: noteReason });
    const html = renderEn(<VerdictSummary claim={changedByNote} />);
    expect(html).toContain(text);
    expect(html).toContain('written for the earlier verdict “Mixed” of <time dateTime="2026-11-01">2026-11-01</time>');
  });

  it('is shown as text, never as markup', () => {
    const hostile = { ...claim, summary: { ...claim.summary!, text: 'Looks <b>bold</b> & fine' } } as ClaimDetail;
    const html = renderEn(<VerdictSummary claim={hostile} />);
    expect(html).toContain('Looks &lt;b&gt;bold&lt;/b&gt; &amp; fine');
    expect(html).not.toContain('written for the earlier verdict');
  });

  it('renders nothing for a claim stored without one', () => {
    expect(renderEn(<VerdictSummary claim={{ ...claim, summary: null }} />)).toBe('');
  });
});
