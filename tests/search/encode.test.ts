import { describe, expect, it } from 'vitest';
import { encodeSearchText, scaleDecimal, tokenizeWithOffsets } from '../../lib/search/encode';
import { buildSnippet } from '../../lib/search/snippet';

const terms = (s: string) => encodeSearchText(s);

describe('encodeSearchText', () => {
  it('turns Han runs into bigrams and drops lone Han characters', () => {
    expect(terms('金融危機')).toEqual(['金融', '融危', '危機']);
    expect(terms('泡')).toEqual([]);
  });
  it('folds case and diacritics, including letters NFD does not decompose', () => {
    expect(terms('Sløk')).toEqual(terms('SLOK'));
    expect(terms('Ærø Straße Łódź')).toEqual(['aero', 'strasse', 'lodz']);
    expect(terms('ＧＰＴ')).toEqual(['gpt']);
  });
  it('stems simple plurals the same way for index and query', () => {
    expect(terms('bubbles companies sources taxes')).toEqual(['bubble', 'company', 'source', 'tax']);
    expect(terms('news analysis')).toEqual(['news', 'analysis']);
  });
  it('keeps numbers whole, decimals included', () => {
    expect(terms('93.7%')).toEqual(['93.7', '93.7%']);
    expect(terms('0.37x')).toEqual(['0.37', '0.37x']);
    expect(terms('5,000')).toEqual(['5000']);
    expect(terms('93 and 7%')).not.toContain('93.7');
  });
  it('maps units so that formats meet: 17x = 17 倍 = 17 times, $500M = 5 億 = 500 million', () => {
    expect(terms('17 倍')).toEqual(['17', '17x']);
    expect(terms('17x')).toEqual(['17', '17x']);
    expect(terms('17 times')).toEqual(['17', '17x']);
    expect(terms('$500M')).toEqual(['500000000']);
    expect(terms('US$500 million')).toEqual(['500000000']);
    expect(terms('5 億美元')).toEqual(['500000000', '億美', '美元']);
    expect(terms('5,000 萬美元')[0]).toBe('50000000');
    expect(terms('2008年')).toEqual(['2008', '2008年']);
  });
  it('indexes letter–number compounds as parts and whole', () => {
    expect(terms('GPT-4')).toEqual(['gpt', '4', 'gpt4']);
    expect(new Set(terms('GPT4'))).toEqual(new Set(terms('GPT-4')));
  });
  it('scales decimals exactly', () => {
    expect(scaleDecimal('1.5', 9)).toBe('1500000000');
    expect(scaleDecimal('0.37', 6)).toBe('370000');
    expect(scaleDecimal('5', 8)).toBe('500000000');
  });
  it('gives offsets into the original text', () => {
    const text = 'Sløk’s 5 億美元';
    const t = tokenizeWithOffsets(text);
    expect(t.map((x) => text.slice(x.start, x.end))).toEqual(['Sløk', '5 億', '億美', '美元']);
  });
});

describe('buildSnippet', () => {
  it('returns highlighted segments, not HTML, and escapes nothing itself', () => {
    const s = buildSnippet([['statement', '<b>AI</b> 泡沫是 17 倍']], new Set(terms('泡沫 17x')));
    expect(s?.segments.filter((x) => x.highlight).map((x) => x.text)).toEqual(['泡沫', '17 倍']);
    expect(s?.segments.map((x) => x.text).join('')).toBe('<b>AI</b> 泡沫是 17 倍');
  });
});
