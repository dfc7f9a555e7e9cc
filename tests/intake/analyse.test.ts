import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../lib/intake/analyse';
import { FEATURE_WEIGHTS, scoreSentence, type FeatureKey } from '../../lib/intake/features';
import { groupCandidates } from '../../lib/intake/group';
import { loadLabelledSets, measureRanking } from '../../lib/intake/labelled-set';
import { detectLanguage } from '../../lib/intake/language';
import { parseCjkNumber } from '../../lib/intake/numbers';
import { splitSentences } from '../../lib/intake/split';

const repo = path.resolve(import.meta.dirname, '..', '..');
const texts = (article: string, lang = 'en') => splitSentences(article, lang).map((s) => s.text);
const keys = (text: string, headline = false) => scoreSentence(text, { headline }).features.map((f) => f.key);

describe('sentence splitting', () => {
  it('keeps the headline as one sentence whatever its punctuation', () => {
    const s = splitSentences('AI bubble: 17 times the dot-com era. Four times subprime!\nThe note says so. Analysts agree.', 'en');
    expect(s.map((x) => [x.text, x.headline])).toEqual([
      ['AI bubble: 17 times the dot-com era. Four times subprime!', true],
      ['The note says so.', false],
      ['Analysts agree.', false],
    ]);
  });

  it('splits Chinese at 。！？ and keeps a closing quote with its sentence', () => {
    expect(texts('標題\n他說:「成本高達 5 億美元。」然後離開!真的嗎?', 'zh-Hant').slice(1)).toEqual(['他說:「成本高達 5 億美元。」', '然後離開!', '真的嗎?']);
  });

  it('splits Japanese at 。 and ！', () => {
    expect(texts('見出し\n東京は晴れです。明日は雨でしょう!', 'ja').slice(1)).toEqual(['東京は晴れです。', '明日は雨でしょう!']);
  });

  it('does not split inside 1.5%, US$5,000 or 3.2x, nor after Dr. or U.S.', () => {
    expect(texts('Headline\nIt rose 1.5% to US$5,000 last year. Dr. Smith said U.S. firms grew 3.2x in 2025. Then it fell.').slice(1)).toEqual([
      'It rose 1.5% to US$5,000 last year.',
      'Dr. Smith said U.S. firms grew 3.2x in 2025.',
      'Then it fell.',
    ]);
  });

  it('keeps a quoted question with the words that follow it', () => {
    expect(texts('Headline\n"Is it a bubble?" he asked. Nobody answered.').slice(1)).toEqual(['"Is it a bubble?" he asked.', 'Nobody answered.']);
  });

  it('drops list bullets and lines of bare punctuation, keeping the words verbatim', () => {
    expect(texts('Headline\n·\n  • ChatGPT-3 的開發與訓練成本約為 5,000 萬美元;\n- second item here', 'zh-Hant').slice(1)).toEqual(['ChatGPT-3 的開發與訓練成本約為 5,000 萬美元;', 'second item here']);
  });

  it('splits the seed article so that every recorded passage is whole sentences of it', () => {
    const sentences = new Set(texts(fs.readFileSync(path.join(repo, 'db', 'seed', 'article.zh-Hant.txt'), 'utf8'), 'zh-Hant'));
    expect(sentences.has('ChatGPT-4 需投入十倍資金,達 5 億美元;')).toBe(true);
    expect(sentences.has('研究引用一家軟體公司的實驗,測量使用 AI 工具的任務完成率,結果僅介於 1.5% 到 34%。')).toBe(true);
  });
});

describe('language detection', () => {
  it.each([
    ['當前的 AI 泡沫導致的資本錯配規模,這個說法來自研究機構。', 'zh-Hant'],
    ['当前的 AI 泡沫导致的资本错配规模,这个说法来自研究机构。', 'zh-Hans'],
    ['東京は晴れです。明日は雨でしょう。', 'ja'],
    ['The AI bubble is 17 times the size of the dot-com frenzy.', 'en'],
  ])('%s → %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it('uses a given language instead of detecting one', () => {
    const a = analyseArticle('Headline\nSome text.', { lang: 'fr' });
    expect([a.lang, a.langDetected]).toEqual(['fr', false]);
  });
});

describe('check-worthiness features', () => {
  it.each<[string, FeatureKey, string]>([
    ['the company employs 220 people', 'figure', '220'],
    ['該機構為全球兩百二十家機構投資者提供服務', 'figure', '兩百二十'],
    ['completion rates ranged from 1.5% to 34%', 'percent', '1.5%'],
    ['企業借貸成本高於名目 GDP 成長率兩個百分點', 'percent', '兩個百分點'],
    ['比網際網路泡沫高出 17 倍', 'multiple', '17 倍'],
    ['the bubble is 17x the dot-com era', 'multiple', '17x'],
    ['four times bigger than the 2008 bubble', 'multiple', 'four times'],
    ['ChatGPT-4 需投入十倍資金,達 5 億美元', 'money', '5 億美元'],
    ['training cost US$5,000 per run', 'money', 'US$5,000'],
    ['a bubble larger than the dot-com one', 'comparison', 'larger'],
    ['這個泡沫比網路泡沫更大', 'comparison', '比'],
    ['according to the firm, the note is new', 'attribution', 'according to'],
    ['根據研究機構的分析,成本上升', 'attribution', '根據'],
    ['他指出成本上升', 'attribution', '指出'],
    ['the economist Torsten Slok said so', 'named', 'Torsten Slok'],
    ['由前瑞銀商品策略團隊領導', 'named', '團隊'],
    ['in October the firm published it', 'date', 'October'],
    ['十多年來首次回到正軌', 'date', '十多年'],
    ['星期二能完成任務', 'date', '星期二'],
    ['this may be a bubble of some kind', 'hedge', 'may'],
    ['人類語言的複雜性可能比想像更複雜', 'hedge', '可能'],
    ['you should never touch this stuff', 'opinion', 'should'],
    ['Photo by Markus Spiske on Unsplash', 'boilerplate', 'Photo by'],
  ])('%s → %s (%s)', (text, key, match) => {
    const hit = scoreSentence(text).features.find((f) => f.key === key);
    expect(hit?.matches, `${key} in ${JSON.stringify(scoreSentence(text).features)}`).toContain(match);
  });

  it('does not read a model number or a year as a figure', () => {
    expect(keys('ChatGPT-4 was released by OpenAI in 2023 to great interest')).not.toContain('figure');
    expect(keys('ChatGPT-4 was released by OpenAI in 2023 to great interest')).toContain('date');
  });

  it('reads 四倍 and "four times" as the same multiple', () => {
    expect(scoreSentence('泡沫是金融危機四倍').figures.map((f) => f.canonical)).toContain('x4');
    expect(scoreSentence('four times the subprime bubble').figures.map((f) => f.canonical)).toContain('x4');
    expect(parseCjkNumber('五千萬')).toBe(50_000_000);
  });

  it('reads 5,000 萬美元 and $50 million as the same amount', () => {
    expect(scoreSentence('成本約為 5,000 萬美元').figures.map((f) => f.canonical)).toEqual(['$50000000']);
    expect(scoreSentence('it cost $50 million to train').figures.map((f) => f.canonical)).toEqual(['$50000000']);
  });

  it('scores a sentence as the sum of the weights of its features', () => {
    const s = scoreSentence('According to the firm, the bubble is 17 times the dot-com bubble.');
    expect(s.score).toBe(s.features.reduce((t, f) => t + FEATURE_WEIGHTS[f.key], 0));
    expect(s.features.map((f) => f.key)).toEqual(expect.arrayContaining(['multiple', 'attribution']));
  });

  it('ranks a hedged sentence below the same sentence stated plainly', () => {
    expect(scoreSentence('The bubble might perhaps be 17 times the dot-com bubble.').score).toBeLessThan(scoreSentence('The bubble is 17 times the dot-com bubble.').score);
  });

  it('reads a month as a date, not a name', () => {
    expect(keys('The audit office said construction ran late in March 2024.')).toContain('date');
    expect(scoreSentence('The audit office said construction ran late in March 2024.').features.find((f) => f.key === 'named')).toBeUndefined();
  });

  it('marks the headline', () => expect(keys('AI bubble 17 times dot-com', true)).toContain('headline'));
});

describe('restatement grouping and ranking', () => {
  const article = [
    '當前 AI 泡沫是 2008 金融危機四倍|相比網路泡沫,更是達 17 倍',
    '當前的 AI 泡沫導致的資本錯配規模,比網際網路泡沫高出 17 倍,甚至是 2008 年次貸危機的 4 倍。',
    'ChatGPT-4 需投入十倍資金,達 5 億美元;',
    '每一代模型都需要指數級的資源投入,但換來的性能提升卻趨於微小。',
    '每一代模型都需要指數級的資源投入,但換來的性能提升有限。',
    '這是一個有趣的問題嗎?',
  ].join('\n');

  it('makes one candidate of sentences stating the same figures, with every passage', () => {
    const { candidates } = analyseArticle(article, { lang: 'zh-Hant' });
    const bubble = candidates.find((c) => c.passages.some((p) => p.headline))!;
    expect(bubble.passages.map((p) => p.index)).toEqual([0, 1]);
  });

  it('makes one candidate of a paragraph and its near-verbatim repetition', () => {
    const { candidates } = analyseArticle(article, { lang: 'zh-Hant' });
    expect(candidates.find((c) => c.passages.some((p) => p.index === 3))!.passages.map((p) => p.index)).toEqual([3, 4]);
  });

  it('adds the restated weight to a candidate the article states more than once', () => {
    const { candidates } = analyseArticle(article, { lang: 'zh-Hant' });
    const bubble = candidates.find((c) => c.passages.length === 2 && c.passages[0]!.headline)!;
    expect(bubble.features.at(-1)).toMatchObject({ key: 'restated', weight: FEATURE_WEIGHTS.restated });
    expect(bubble.score).toBe(bubble.main.score + FEATURE_WEIGHTS.restated);
    const single = candidates.find((c) => c.passages.length === 1)!;
    expect(single.score).toBe(single.main.score);
  });

  it('reads the lines after a licence notice in the second half as page furniture', () => {
    const withFooter = ['Headline of the post', 'The dam cost US$4,200 million in 2019, the audit office said.', 'CC BY-NC-ND 4.0', 'Related: Analyst says the bridge cost 7 times its budget'].join('\n');
    const { sentences } = analyseArticle(withFooter, { lang: 'en' });
    expect(sentences[3]!.features.find((f) => f.key === 'boilerplate')?.matches).toContain('after the licence notice');
    expect(sentences[1]!.features.find((f) => f.key === 'boilerplate')).toBeUndefined();
  });

  it('keeps sentences with different figures apart', () => {
    const { candidates } = analyseArticle(article, { lang: 'zh-Hant' });
    expect(candidates.find((c) => c.passages.some((p) => p.index === 2))!.passages.map((p) => p.index)).toEqual([2]);
  });

  it('ranks by score, then article order, the same way every time', () => {
    const a = analyseArticle(article, { lang: 'zh-Hant' }).candidates;
    const b = groupCandidates([...analyseArticle(article, { lang: 'zh-Hant' }).sentences].reverse());
    expect(a.map((c) => c.main.text)).toEqual(b.map((c) => c.main.text));
    for (let i = 1; i < a.length; i++) expect(a[i - 1]!.score).toBeGreaterThanOrEqual(a[i]!.score);
    expect(a.at(-1)!.main.text).toBe('這是一個有趣的問題嗎?');
  });
});

describe('the labelled sets', () => {
  const sets = loadLabelledSets(repo);

  it('label every sentence the splitter finds in each article', () => {
    for (const set of sets) {
      const labelled = new Set(set.sentences.map((s) => s.text));
      expect(splitSentences(set.text, set.lang).map((s) => s.text).filter((t) => !labelled.has(t)), set.name).toEqual([]);
    }
  });

  it('label every claim record of the seed article on one of its sentences', () => {
    const seed = sets.find((s) => s.name === 'seed-article')!;
    const recorded = fs.readdirSync(path.join(repo, 'claims')).map((f) => f.replace(/\.mdx$/, ''));
    expect(new Set(seed.sentences.flatMap((s) => s.claims))).toEqual(new Set(recorded));
  });

  it('measure precision@10 of the seed ranking at 0.8 or more', () => {
    const seed = sets.find((s) => s.name === 'seed-article')!;
    expect(measureRanking(seed, analyseArticle(seed.text, { lang: seed.lang }).candidates).precisionAt10).toBeGreaterThanOrEqual(0.8);
  });
});
