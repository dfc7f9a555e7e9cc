import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../../lib/quotes/anchor';
import { codePointOffset, normalizeCaptureText, prepareText, utf16Index } from '../../lib/quotes/normalize';

const doc = (text: string) => prepareText(normalizeCaptureText(text));

const EN_V1 = `Training costs

Sam Altman said the model cost more than $100 million to train. Other analysts put the figure lower.

The survey found that adoption fell. Adoption fell among large firms in the latest round.`;

// The same article a week later: a paragraph added on top, the survey paragraph rewritten around the same words.
const EN_V2 = `Update: a correction was added.

Training costs

Sam Altman said the model cost more than $100 million to train. Other analysts put the figure lower.

In a revised note, adoption fell. Analysts disagree about why.`;

const ZH_V1 = `AI 泡沫

當前 AI 泡沫是網路泡沫的 17 倍，也是 2008 年次貸危機的 4 倍。

ChatGPT-3 的開發與訓練成本約為 5,000 萬美元;`;

const ZH_V2 = `編者按：本文已更新。

ChatGPT-3 的開發與訓練成本約為 5,000 萬美元;

當前 AI 泡沫是網路泡沫的 17 倍，也是 2008 年次貸危機的 4 倍。`;

describe('anchoring a quote in an archived copy', () => {
  it('verifies an exact English quote and gives W3C selectors with context', () => {
    const r = anchorQuote('cost more than $100 million to train', doc(EN_V1));
    expect(r.status).toBe('verified');
    expect(r.distance).toBe(0);
    expect(r.quote).toEqual({ type: 'TextQuoteSelector', exact: 'cost more than $100 million to train', prefix: expect.stringMatching(/Sam Altman said the model $/), suffix: expect.stringMatching(/^\. Other analysts/) });
    const text = normalizeCaptureText(EN_V1);
    expect(text.slice(utf16Index(text, r.position!.start), utf16Index(text, r.position!.end))).toBe('cost more than $100 million to train');
  });

  it('verifies an exact Chinese quote, ignoring how whitespace and line breaks fall', () => {
    const r = anchorQuote('當前 AI 泡沫是網路泡沫的 17 倍，也是 2008 年次貸危機的 4 倍。', doc(ZH_V1.replace('17 倍', '17\u00a0倍')));
    expect(r.status).toBe('verified');
    const wrapped = anchorQuote('ChatGPT-3 的開發與訓練成本約為 5,000 萬美元;', doc('ChatGPT-3 的開發與訓練成本約為\n5,000 萬美元;'));
    expect(wrapped.status).toBe('verified');
  });

  it('still verifies a quote whose surroundings are unchanged when text is added elsewhere', () => {
    const r = anchorQuote('cost more than $100 million to train', doc(EN_V2), { previous: doc(EN_V1) });
    expect(r.status).toBe('verified');
    expect(r.position!.start).toBeGreaterThan(anchorQuote('cost more than $100 million to train', doc(EN_V1)).position!.start);
  });

  it('marks a quote moved when a newer capture has the exact words in other surroundings (English and Chinese)', () => {
    expect(anchorQuote('adoption fell', doc(EN_V2), { previous: doc(EN_V1) }).status).toBe('moved');
    const zh = anchorQuote('ChatGPT-3 的開發與訓練成本約為 5,000 萬美元;', doc(ZH_V2), { previous: doc(ZH_V1) });
    expect(zh.status).toBe('moved');
    expect(zh.quote!.exact).toBe('ChatGPT-3 的開發與訓練成本約為 5,000 萬美元;');
  });

  it('reports an approximate match as fuzzy with its distance and what the capture actually says', () => {
    const en = anchorQuote('cost more than $100m to train', doc(EN_V1));
    expect(en.status).toBe('fuzzy');
    expect(en.distance).toBeGreaterThan(0);
    expect(en.quote!.exact).toMatch(/^cost more than \$100/);
    const zh = anchorQuote('ChatGPT-3 的研發與訓練成本約為 5,000 萬美元', doc(ZH_V1));
    expect(zh.status).toBe('fuzzy');
    expect(zh.distance).toBe(1);
    expect(zh.quote!.exact).toBe('ChatGPT-3 的開發與訓練成本約為 5,000 萬美元');
  });

  it('orphans a quote that the capture does not contain (English and Chinese)', () => {
    expect(anchorQuote('the model cost nothing at all, said nobody', doc(EN_V1))).toMatchObject({ status: 'orphan', quote: null, distance: null });
    expect(anchorQuote('GPT-5 的訓練成本高達一兆美元', doc(ZH_V1)).status).toBe('orphan');
    expect(anchorQuote('   ', doc(ZH_V1)).status).toBe('orphan');
  });

  it('says no-capture when there is nothing to check against', () => {
    expect(anchorQuote('anything', null).status).toBe('no-capture');
  });

  it('uses prefix and suffix to pick the right copy of a repeated phrase', () => {
    const english = doc(EN_V1);
    const first = anchorQuote('Adoption fell', english);
    expect(first.occurrences).toBe(1);
    const repeated = doc('17 倍 in the headline. 泡沫是網路泡沫的 17 倍，也是次貸危機的 4 倍。 Later: 網路泡沫的 17 倍 again.');
    const noHint = anchorQuote('網路泡沫的 17 倍', repeated);
    expect(noHint.occurrences).toBe(2);
    expect(noHint.quote!.suffix.startsWith('，也是次貸危機')).toBe(true);
    const later = anchorQuote('網路泡沫的 17 倍', repeated, { hint: { prefix: 'Later: ', suffix: ' again.' } });
    expect(later.status).toBe('verified');
    expect(later.quote!.prefix.endsWith('Later: ')).toBe(true);
    expect(later.position!.start).toBeGreaterThan(noHint.position!.start);
  });

  it('counts positions in code points, as the W3C selector does', () => {
    const text = normalizeCaptureText('😀 前言：成本約為 5,000 萬美元');
    const r = anchorQuote('成本約為', prepareText(text));
    expect(r.position).toEqual({ type: 'TextPositionSelector', start: 5, end: 9 });
    expect(codePointOffset(text, text.indexOf('成本'))).toBe(5);
  });
});

describe('anchoring properties', () => {
  const letters = fc.string({ unit: fc.constantFrom('a', 'b', '泡', '沫', 'x'), minLength: 1, maxLength: 80 });

  prop.prop([letters, fc.nat(), fc.nat()])('a quote cut from an unchanged text is verified where it was cut, given its selector', (text, i, j) => {
    const a = i % text.length;
    const b = a + 1 + (j % (text.length - a));
    const quote = text.slice(a, b);
    const r = anchorQuote(quote, prepareText(text), { hint: { prefix: text.slice(Math.max(0, a - 32), a), suffix: text.slice(b, b + 32), start: a } });
    expect(r.status).toBe('verified');
    expect(r.quote!.exact).toBe(quote);
    expect(r.position!.start).toBe(a);
  });

  prop.prop([letters, letters])('anything anchored exactly is a substring of the capture at the stated position', (text, quote) => {
    const r = anchorQuote(quote, prepareText(text));
    if (r.status === 'verified') {
      expect(text.includes(quote)).toBe(true);
      expect(text.slice(r.position!.start, r.position!.end)).toBe(quote);
    } else expect(text.includes(quote)).toBe(false);
  });
});
