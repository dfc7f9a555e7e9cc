import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, negotiateLocale, resolveRequestLocale } from '../../i18n/locales';
import { CONFIDENCE_DEFINITION } from '../../lib/shared/definitions';
import { RELIABILITY_GRADES, RELIABILITY_SCALE, STANCES, VERDICT_SCALE, VERDICTS } from '../../lib/shared/vocabulary';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
type Tree = { [key: string]: string | Tree };
const camel = (file: string) => path.basename(file, '.json').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
/** A locale's catalogue: messages/{locale}/{namespace}.json, one file per namespace (as its index.ts imports them). */
function read(locale: string): Tree {
  const dir = path.join(ROOT, 'messages', locale);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  return Object.fromEntries(files.map((f) => [camel(f), JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Tree]));
}

/** Every leaf of a catalogue as "a.b.c" → value. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of leaves(value, at)) out.set(k, v);
    else out.set(at, value);
  }
  return out;
}

/** The {placeholders} and <tags> a message uses (ICU plural branches included). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)) names.add(`{${m[1]}}`);
  for (const m of message.matchAll(/<([a-z]+)>/g)) names.add(`<${m[1]}>`);
  names.delete('{one}');
  names.delete('{other}');
  return [...names].sort();
}

describe('the message catalogues', () => {
  const catalogues = Object.fromEntries(LOCALES.map((l) => [l, leaves(read(l))]));

  it('exist for every locale', () => {
    expect(LOCALES).toEqual(['en', 'zh-Hant']);
  });

  it('are loaded whole: each locale\'s index.ts imports every namespace file in its folder', () => {
    for (const locale of LOCALES) {
      const index = fs.readFileSync(path.join(ROOT, 'messages', locale, 'index.ts'), 'utf8');
      for (const namespace of Object.keys(read(locale))) expect(index, `${locale} ${namespace}`).toMatch(new RegExp(`import ${namespace} from`));
    }
  });

  it('have the same keys in every language', () => {
    const [first, ...rest] = LOCALES.map((l) => [...catalogues[l]!.keys()].sort());
    for (const keys of rest) expect(keys).toEqual(first);
  });

  it('have no empty value, and only strings', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of catalogues[locale]!) {
        expect(typeof value, `${locale} ${key}`).toBe('string');
        expect(String(value).trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same tags in every language, and no placeholder the English does not pass', () => {
    // Chinese has no plural forms: a count that only picks the English plural may go unused.
    for (const [key, value] of catalogues.en!) {
      const en = argumentsOf(String(value));
      const zh = argumentsOf(String(catalogues['zh-Hant']!.get(key)));
      expect(zh.filter((a) => a.startsWith('<')), key).toEqual(en.filter((a) => a.startsWith('<')));
      expect(zh.filter((a) => !en.includes(a)), key).toEqual([]);
    }
  });

  it('name every verdict, grade and stance of the vocabulary, in English as lib/shared/vocabulary.ts does', () => {
    for (const locale of LOCALES) {
      for (const v of VERDICTS) expect(catalogues[locale]!.has(`verdicts.${v}.label`), `${locale} ${v}`).toBe(true);
      for (const g of RELIABILITY_GRADES) expect(catalogues[locale]!.has(`grades.${g}.label`), `${locale} ${g}`).toBe(true);
      for (const s of STANCES) expect(catalogues[locale]!.has(`stances.${s}`), `${locale} ${s}`).toBe(true);
    }
    for (const v of VERDICTS) {
      expect(catalogues.en!.get(`verdicts.${v}.label`)).toBe(VERDICT_SCALE[v].label);
      expect(catalogues.en!.get(`verdicts.${v}.meaning`)).toBe(VERDICT_SCALE[v].meaning);
    }
    for (const g of RELIABILITY_GRADES) {
      expect(catalogues.en!.get(`grades.${g}.label`)).toBe(RELIABILITY_SCALE[g].label);
      expect(catalogues.en!.get(`grades.${g}.meaning`)).toBe(RELIABILITY_SCALE[g].meaning);
    }
  });

  it('keep the one definition of confidence in English', () => {
    expect(catalogues.en!.get('methodology.confidence.definition')).toBe(CONFIDENCE_DEFINITION);
  });

  it('hold Chinese in the zh-Hant catalogue wherever the English has words', () => {
    // A value copied over untranslated would pass the key check: each verdict and grade name must differ.
    for (const v of VERDICTS) expect(catalogues['zh-Hant']!.get(`verdicts.${v}.label`)).toMatch(/\p{Script=Han}/u);
    for (const g of RELIABILITY_GRADES) expect(catalogues['zh-Hant']!.get(`grades.${g}.label`)).toMatch(/\p{Script=Han}/u);
  });
});

describe('choosing the locale of a request', () => {
  it.each([
    ['zh-Hant', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh', 'zh-Hant'],
    ['zh-Hant-TW,zh;q=0.8', 'zh-Hant'],
    ['fr-FR,zh-TW;q=0.7,en;q=0.5', 'zh-Hant'],
    ['en-US,en;q=0.9,zh-TW;q=0.8', 'en'],
    ['zh-CN', 'en'],
    ['zh-Hans', 'en'],
    ['zh-CN,zh-TW;q=0.5', 'zh-Hant'],
    ['de', 'en'],
    ['zh-TW;q=0', 'en'],
    ['', 'en'],
    ['*', 'en'],
  ])('Accept-Language %j → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it('takes the switch’s cookie over Accept-Language, and ignores a cookie naming no locale of ours', () => {
    expect(resolveRequestLocale('zh-Hant', 'en')).toBe('zh-Hant');
    expect(resolveRequestLocale('en', 'zh-TW')).toBe('en');
    expect(resolveRequestLocale('klingon', 'zh-TW')).toBe('zh-Hant');
    expect(resolveRequestLocale(undefined, null)).toBe('en');
  });
});
