import { canonicalValue, CJK_NUMERAL_CHARS, NUMBER_WORDS, parseNumber, scaleOf } from './numbers';

/**
 * Check-worthiness: how likely a sentence states something a fact-checker can check. Each
 * feature is a plain pattern whose matches are shown beside the score, and the score is the
 * sum of the weights of the features present (each counts once, however often it matches).
 * No model, no randomness: the same article always ranks the same, and an editor can see why
 * a sentence ranks where it does.
 *
 * THE WEIGHT TABLE (the only place weights live; README "Intake" repeats it):
 *
 * | feature     | weight | fires on                                                              |
 * |-------------|--------|-----------------------------------------------------------------------|
 * | figure      |  +2.0  | a number: digits (not a year, not part of GPT-4), CJK numerals (兩百) |
 * | percent     |  +1.5  | 34%, 34 percent, 百分之三十, 兩個百分點, percentage points            |
 * | multiple    |  +2.0  | 17 倍, 17x, 17×, 17 times, four times, -fold                          |
 * | money       |  +2.0  | US$5,000, $500M, 5 億美元, 5,000 萬美元, "millions of dollars"        |
 * | comparison  |  +1.5  | 比, 高於, 超過, 相比, 下降; than, larger, more, increase, decline    |
 * | attribution |  +1.5  | 根據, 指出, 研究, 報告, 表示; according to, said, report, study       |
 * | named       |  +1.0  | an organisation or person: a capitalised name, 公司/機構/經濟學家…   |
 * | date        |  +1.0  | a year, month, weekday, decade, century, 十多年, "since", 最近        |
 * | assertion   |  +0.75 | a causal or definite claim: 導致, 無法, 已經, 成為; caused, cannot    |
 * | headline    |  +1.0  | the article's headline (it usually states the central claim)         |
 * | restated    |  +1.0  | (a candidate) the article states it more than once: it is central    |
 * | hedge       |  -1.5  | 可能, 或許, 如果; may, might, could, possible, likely, if (a condition) |
 * | opinion     |  -1.5  | 根本, 致命, 誇張, ？, ！; should, must, terrible, I think, a question  |
 * | fragment    |  -3.0  | too short to state anything (under 8 CJK characters or 5 words)       |
 * | boilerplate |  -4.0  | credits and page furniture: "Photo by", CC BY, subscribe, 相关推荐,   |
 * |             |        | and every line after a licence notice in the article's second half   |
 *
 * Ties are broken by position in the article (earlier first), so the ranking is total.
 */

export const FEATURE_KEYS = [
  'figure', 'percent', 'multiple', 'money', 'comparison', 'attribution', 'named', 'date', 'assertion', 'headline', 'restated', 'hedge', 'opinion', 'fragment', 'boilerplate',
] as const;
export type FeatureKey = (typeof FEATURE_KEYS)[number];

export const FEATURE_WEIGHTS: Readonly<Record<FeatureKey, number>> = {
  figure: 2,
  percent: 1.5,
  multiple: 2,
  money: 2,
  comparison: 1.5,
  attribution: 1.5,
  named: 1,
  date: 1,
  assertion: 0.75,
  headline: 1,
  restated: 1,
  hedge: -1.5,
  opinion: -1.5,
  fragment: -3,
  boilerplate: -4,
};

export const FEATURE_LABELS: Readonly<Record<FeatureKey, string>> = {
  figure: 'figure',
  percent: 'percentage',
  multiple: 'multiple',
  money: 'money',
  comparison: 'comparison',
  attribution: 'attribution',
  named: 'named organisation or person',
  date: 'date or period',
  assertion: 'definite or causal claim',
  headline: 'headline',
  restated: 'stated more than once',
  hedge: 'hedge',
  opinion: 'opinion or question',
  fragment: 'fragment',
  boilerplate: 'credit or page furniture',
};

export interface FeatureHit {
  key: FeatureKey;
  weight: number;
  /** The words that fired it, as they appear in the sentence (at most five). */
  matches: string[];
}

/** A figure found in a sentence, with a canonical form (x17, %34, $5e7, pp2, n220) for grouping. */
export interface FigureMention {
  kind: 'multiple' | 'percent' | 'money' | 'number';
  text: string;
  canonical: string | null;
}

export interface SentenceScore {
  score: number;
  features: FeatureHit[];
  figures: FigureMention[];
}

const CJK = `[${CJK_NUMERAL_CHARS}]+`;
const DIGITS = String.raw`\d[\d,]*(?:\.\d+)?`;
const WORD_NUM = `(?:${NUMBER_WORDS.join('|')})`;
// A digit that is part of a name (GPT-4, H100, COVID-19) is not a figure.
const NOT_IN_NAME = String.raw`(?<![\p{L}\d][-‐]?)(?<![\p{L}\d.,])`;
const NUM = `(?:${NOT_IN_NAME}${DIGITS}|${CJK}|\\b${WORD_NUM}\\b)`;

const MULTIPLE = new RegExp(String.raw`(${NUM})\s*(?:倍|x\b|×|\s(?:times)\b|-?fold\b)|\b(twice|double|triple)\b`, 'giu');
const PERCENT = new RegExp(String.raw`(${NUM})\s*(?:%|％|\s?percent\b|\s?per cent\b|個?百分點|\s?percentage points?\b)|百分之(${CJK}|${DIGITS})`, 'giu');
const MONEY = new RegExp(
  String.raw`(?:US|NT|HK|A|C)?[$€£¥]\s?(${DIGITS})\s*(k|m|mn|b|bn|t|tn|thousand|million|billion|trillion)?\b` +
    String.raw`|(${DIGITS}|${CJK})\s*(千萬|百萬|萬|万|億|亿|兆)?\s*(?:美元|美金|元|歐元|日圓|英鎊|台幣)` +
    String.raw`|(${DIGITS})\s*(million|billion|trillion)?\s*(?:dollars|euros|pounds|yen)\b` +
    String.raw`|\b(?:(?:tens|hundreds) of )?(?:millions|billions|trillions) of dollars\b|數十億|數百億|數千億`,
  'giu',
);
const YEAR = /(?<!\d)(?:1[6-9]|20)\d{2}(?!\d)(?:\s*年(?!代))?/gu;
// A lone 一 is mostly an article (一家公司, 一代模型), and 第一 an ordinal: neither is a figure.
const PLAIN_NUMBER = new RegExp(String.raw`${NOT_IN_NAME}${DIGITS}|(?<!第)(?:[${CJK_NUMERAL_CHARS}]{2,}|[二兩两三四五六七八九十百千])(?=\s*(?:家|個|名|位|人|項|種|年|次|代|條|座|所|份|間|萬|億))`, 'gu');

const DATE = new RegExp(
  [
    String.raw`(?<!\d)(?:1[6-9]|20)\d{2}(?!\d)`,
    String.raw`\d{1,2}\s*(?:月|日|號)`,
    String.raw`(?:\d{2}|${CJK})\s*年代`,
    String.raw`\b(?:19|20)?\d0s\b`,
    String.raw`\d+\s*世紀|${CJK}世紀|\b\d+(?:st|nd|rd|th)[- ]century\b`,
    String.raw`十多年|多年來|過去\S{0,3}年|近年|今年|去年|明年|最近|目前|首次|星期[一二三四五六日天]|週[一二三四五六日]|季度`,
    String.raw`\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b`,
    String.raw`\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
    String.raw`\b(?:decades?|years? ago|last year|this year|since|until|recently|quarter|Q[1-4])\b`,
  ].join('|'),
  'gu',
);

const COMPARISON = new RegExp(
  String.raw`比(?!對|較|如|方|例|喻)|高於|低於|多於|少於|大於|小於|超過|超越|超出|遠超|高出|相比|相較|不如|更(?!新)|最(?!近|後|初)|增加|減少|上升|下降|下滑|降到|成長|增長|翻倍|倍` +
    String.raw`|\b(?:than|compared|versus|vs|more|less|fewer|larger|bigger|smaller|higher|lower|greater|worse|better|most|least|largest|biggest|smallest|increased?|increases|decreased?|decreases|rise|rises|rose|risen|fell|fall|falls|declined?|declines|declining|doubled|tripled|halved|exceeds?|surpass(?:es|ed)?|outpac(?:es|ed))\b`,
  'giu',
);
const ATTRIBUTION = new RegExp(
  String.raw`根據|據(?!說)|指出|研究|報告|表示|認為|聲稱|稱|引用|來源|分析|調查|數據|資料顯示|估計|警告|借鑑|提到|透露` +
    String.raw`|\b(?:according to|said|says|told|reported|reports?|study|studies|research|survey|analysis|analysts?|estimates?|estimated|found|finds|argues?|argued|warns?|warned|wrote|writes|contends?|notes?|noted|data show)\b`,
  'giu',
);
const NAMED_ZH = /(?:公司|機構|集團|銀行|大學|研究所|政府|委員會|聯準會|聯儲|央行|商務部|部門|協會|基金會|交易所|團隊)|(?:經濟學家|分析師|執行長|總裁|教授|學者|研究員|總統|部長|創辦人|執行董事)|《[^》]{1,60}》/gu;
// Capitalised words that are not names (sentence openers, common acronyms, months).
const NOT_NAMES = new Set([
  'I', 'A', 'An', 'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'You', 'Our', 'His', 'Her', 'Their', 'But', 'And',
  'Or', 'So', 'If', 'In', 'On', 'At', 'As', 'For', 'By', 'With', 'From', 'To', 'Of', 'Even', 'Still', 'Yet', 'Also', 'Meanwhile', 'However',
  'AI', 'LLM', 'LLMs', 'GDP', 'NFT', 'NFTs', 'CEO', 'US', 'U.S.', 'UK', 'EU', 'IT', 'OK', 'GPU', 'GPUs', 'Photo', 'Source', 'Read', 'More',
  // Months and weekdays are dates (their own feature), not names.
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);
const CAPITALISED = /\b\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:of\s+|de\s+|the\s+)?\p{Lu}[\p{L}\p{N}&'’.-]*)*/gu;

const ASSERTION = new RegExp(
  String.raw`導致|造成|使得|無法|不能|已經|已(?=\S)|開始|成為|達到|高達|僅|需要|必須|只是|正是|就是|不再|反而|侵蝕|虧損|失敗|延後|公開|複製` +
    String.raw`|\b(?:caused?|causes|led to|leads to|cannot|can't|won't|has|have|had|will|shows?|showed|proves?|means|stems from|is now|are now|makes? up|accounts? for)\b`,
  'giu',
);
const HEDGE = new RegExp(
  String.raw`可能|或許|也許|似乎|大概|恐怕|應該|理應|我認為|我覺得|我想|據說|或將|傳聞|宣稱般|如果|若是|假如` +
    String.raw`|\b(?:maybe|perhaps|might|may|could|possible|possibly|seems?|appears?|likely|probably|potentially|suggests?|if|unless|I think|I believe|in my opinion|arguably)\b`,
  'giu',
);
const OPINION = new RegExp(
  String.raw`根本|致命|令人|誇張|顯然|當然|竟然|居然|喜歡|希望|期盼|別忘了|非常|悲觀|樂觀|？|！|嗎|吧(?=[。！？]?$)|呢(?=[。！？]?$)` +
    String.raw`|\b(?:should|must|terrible|awful|amazing|wonderful|shocking|dire|I|we|you|our|my)\b|[!?]["”’]?$`,
  'gu',
);
const BOILERPLATE = /Photo by|Unsplash|Getty Images|\bvia AFP\b|CC BY|授权|©|subscribe|newsletter|喜欢我的作品|来自作者|相关推荐|已推荐|click here|sign up|all rights reserved/giu;

function matchesOf(re: RegExp, text: string): string[] {
  return [...new Set([...text.matchAll(re)].map((m) => m[0].trim()).filter(Boolean))].slice(0, 5);
}

function figureMentions(text: string): { figures: FigureMention[]; rest: string } {
  const figures: FigureMention[] = [];
  let rest = text;
  const take = (re: RegExp, kind: FigureMention['kind'], canonical: (m: RegExpMatchArray) => string | null) => {
    for (const m of rest.matchAll(re)) figures.push({ kind, text: m[0].trim(), canonical: canonical(m) });
    rest = rest.replace(re, (s) => ' '.repeat(s.length));
  };
  take(MONEY, 'money', (m) => {
    const digits = m[1] ?? m[3] ?? m[5];
    const n = digits ? parseNumber(digits) : null;
    if (n === null) return null;
    return `$${canonicalValue(n * scaleOf(m[2] ?? m[4] ?? m[6]))}`;
  });
  take(MULTIPLE, 'multiple', (m) => {
    const n = parseNumber(m[1] ?? m[2] ?? '');
    return n === null ? null : `x${canonicalValue(n)}`;
  });
  take(PERCENT, 'percent', (m) => {
    const n = parseNumber(m[1] ?? m[2] ?? '');
    if (n === null) return null;
    return /百分點|point/i.test(m[0]) ? `pp${canonicalValue(n)}` : `%${canonicalValue(n)}`;
  });
  // Years are dates, not figures.
  rest = rest.replace(YEAR, (s) => ' '.repeat(s.length));
  take(PLAIN_NUMBER, 'number', (m) => {
    const n = parseNumber(m[0]);
    return n === null ? null : `n${canonicalValue(n)}`;
  });
  return { figures, rest };
}

function namedMatches(text: string): string[] {
  const out: string[] = [];
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const inCjk = han > latin;
  for (const m of text.matchAll(CAPITALISED)) {
    const word = m[0].replace(/[.'’-]+$/, '');
    const atStart = !inCjk && /^[\s"“‘'(]*$/.test(text.slice(0, m.index));
    // The first word of an English sentence is capitalised anyway; a longer name there still counts.
    const words = word.split(/\s+/).filter((w) => !NOT_NAMES.has(w));
    if (!words.length) continue;
    if (atStart && word.split(/\s+/).length === 1) continue;
    out.push(words.join(' '));
  }
  out.push(...matchesOf(NAMED_ZH, text));
  return [...new Set(out)].slice(0, 5);
}

function isFragment(text: string): boolean {
  const han = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  const words = text.match(/\p{Script=Latin}[\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  return han + words * 2 < 8 || (han < 4 && words < 5);
}

/** A licence or copyright notice: on blogs and news sites, what follows it is the page's footer (related posts, author box). */
export const LICENCE_NOTICE = /CC BY|Creative Commons|All rights reserved|版權所有|授权$|授權$/iu;

/** Scores one sentence; `headline` marks the article's headline, `footer` a line after the licence notice. */
export function scoreSentence(text: string, options: { headline?: boolean; footer?: boolean } = {}): SentenceScore {
  const { figures, rest } = figureMentions(text);
  const found: Partial<Record<FeatureKey, string[]>> = {};
  const kinds: Array<[FeatureKey, FigureMention['kind']]> = [['money', 'money'], ['multiple', 'multiple'], ['percent', 'percent'], ['figure', 'number']];
  for (const [key, kind] of kinds) {
    const hits = figures.filter((f) => f.kind === kind).map((f) => f.text);
    if (hits.length) found[key] = [...new Set(hits)].slice(0, 5);
  }
  const date = matchesOf(DATE, text);
  if (date.length) found.date = date;
  const patterns: Array<[FeatureKey, RegExp]> = [['comparison', COMPARISON], ['attribution', ATTRIBUTION], ['assertion', ASSERTION], ['hedge', HEDGE], ['opinion', OPINION], ['boilerplate', BOILERPLATE]];
  for (const [key, re] of patterns) {
    const hits = matchesOf(re, key === 'comparison' ? rest : text);
    if (hits.length) found[key] = hits;
  }
  const named = namedMatches(text);
  if (named.length) found.named = named;
  if (options.headline) found.headline = ['headline'];
  if (options.footer) found.boilerplate = [...(found.boilerplate ?? []), 'after the licence notice'];
  if (isFragment(text)) found.fragment = [`${[...text].length} characters`];

  const features = FEATURE_KEYS.filter((k) => found[k]).map((key) => ({ key, weight: FEATURE_WEIGHTS[key], matches: found[key]! }));
  const score = Math.round(features.reduce((s, f) => s + f.weight, 0) * 100) / 100;
  return { score, features, figures };
}
