/**
 * The article's language from its script, when the desk does not give it: kana means
 * Japanese, Hangul Korean, Han Chinese (Traditional or Simplified by characters that differ
 * between the two), else English for Latin text. Deliberately small: intake needs the tag for
 * the segmenter and the draft's `lang`, and the desk can always override it.
 */

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const LATIN = /\p{Script=Latin}/gu;
// Common characters whose Traditional and Simplified forms differ (pairs at the same index).
const TRADITIONAL = '這個們來說為時國會對經於與發後過還機業資場體點開關長東車見現';
const SIMPLIFIED = '这个们来说为时国会对经于与发后过还机业资场体点开关长东车见现';

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

export function detectLanguage(text: string): string {
  const sample = text.slice(0, 20_000);
  const han = count(sample, HAN);
  const kana = count(sample, KANA);
  const hangul = count(sample, HANGUL);
  const latin = count(sample, LATIN);
  if (kana > 0 && kana * 10 >= han) return 'ja';
  if (hangul > han && hangul > latin / 4) return 'ko';
  if (han > latin / 4 && han > 0) {
    let trad = 0;
    let simp = 0;
    for (const ch of sample) {
      const t = TRADITIONAL.indexOf(ch);
      const s = SIMPLIFIED.indexOf(ch);
      // A character in both strings at the same place is written alike in both scripts.
      if (t >= 0 && SIMPLIFIED[t] !== ch) trad++;
      else if (s >= 0 && TRADITIONAL[s] !== ch) simp++;
    }
    return simp > trad ? 'zh-Hans' : 'zh-Hant';
  }
  return 'en';
}
