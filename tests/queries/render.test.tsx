import type { Root } from 'hast';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildClaimReview, serializeJsonLd } from '../../lib/citations/claim-review';
import { renderClaimBody } from '../../lib/claims/render';
import { compileClaimBody } from '../../lib/claims/mdx';
import type { ClaimDetail } from '../../lib/claims/dto';

const refs = {
  claims: { 'beta-figure': { title: 'Beta costs ten times alpha', withdrawn: false } },
  sources: { essay: { title: 'An essay' }, report: { title: 'A report' } },
};

async function treeOf(mdx: string): Promise<Root> {
  const compiled = await compileClaimBody(mdx);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return JSON.parse(compiled.body.treeJson) as Root;
}

describe('renderClaimBody', () => {
  it('turns ClaimRef and SourceRef into links carrying the target title, and Quote into a blockquote with lang', async () => {
    const tree = await treeOf('From <SourceRef id="essay" locator="para. 4" />; see <ClaimRef id="beta-figure" />.\n\n<Quote lang="en" source="report">Alpha cost $4.3 million.</Quote>\n');
    const html = renderToStaticMarkup(<>{renderClaimBody(tree, refs)}</>);
    expect(html).toContain('href="/sources/essay"');
    expect(html).toContain('>An essay, para. 4</a>');
    expect(html).toMatch(/<a[^>]*href="\/claims\/beta-figure"[^>]*>Beta costs ten times alpha<\/a>/);
    expect(html).toContain('<blockquote lang="en">Alpha cost $4.3 million.</blockquote>');
    expect(html).toContain('<a href="/sources/report">A report</a>');
  });

  it('renders only the registered components and drops expression nodes smuggled into a stored tree', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'mdxJsxFlowElement', name: 'Script', attributes: [], children: [{ type: 'text', value: 'kept text' }] },
        { type: 'mdxFlowExpression', value: 'process.exit(1)', data: { estree: {} } },
        { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'plain' }] },
      ],
    } as unknown as Root;
    const html = renderToStaticMarkup(<>{renderClaimBody(tree, refs)}</>);
    expect(html).toBe('kept text<p>plain</p>');
  });
});

describe('ClaimReview JSON-LD', () => {
  const claim = {
    id: 'x', statement: 'A </script><script>alert(1)</script> & more', claimant: 'Someone', lastReviewed: '2026-11-02',
    verdict: { value: 'false', label: 'False', ratingValue: 1, date: '2026-11-02', origin: 'file' },
    appearances: [{ position: 0, date: '2025-10', note: null, cites: [], source: { id: 's', title: 'A post', publisher: 'Blog', published: null, type: 'blog', reliability: 'C', url: 'https://example.org/p' } }],
  } as unknown as ClaimDetail;

  it('names the rating and the item reviewed with its author and appearances', () => {
    const ld = buildClaimReview(claim, 'https://ledger.example/claims/x');
    expect(ld).toMatchObject({
      '@type': 'ClaimReview',
      url: 'https://ledger.example/claims/x',
      claimReviewed: claim.statement,
      reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
      itemReviewed: { '@type': 'Claim', author: { name: 'Someone' }, appearance: [{ '@type': 'CreativeWork', url: 'https://example.org/p' }] },
    });
  });

  it('leaves ratingValue out for verdicts off the true–false axis', () => {
    const ld = buildClaimReview({ ...claim, verdict: { ...claim.verdict, value: 'unverifiable', label: 'Unverifiable', ratingValue: null } }, 'u');
    expect(ld.reviewRating).toEqual({ '@type': 'Rating', bestRating: 5, worstRating: 1, alternateName: 'Unverifiable' });
  });

  it('serialises without any character that could end the script element, and parses back to the same data', () => {
    const json = serializeJsonLd(buildClaimReview(claim, 'u'));
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json).claimReviewed).toBe(claim.statement);
  });
});
