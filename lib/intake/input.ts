import { fromMarkdown } from 'mdast-util-from-markdown';
import { extractText, mediaTypeOfUpload } from '../captures/extract';
import { normalizeCaptureText } from '../quotes/normalize';
import { UserFacingError } from '../shared/errors';
import { MAX_ARTICLE_LENGTH } from './split';

/**
 * An article's text from what the desk has: pasted text, or a file (plain text, HTML,
 * Markdown). HTML goes through the captures' extractor (Readability over linkedom), so a page
 * reads the same here as its archived copy; Markdown is parsed (never compiled) and its
 * blocks kept as lines. Everything is data: nothing here is rendered or evaluated.
 */

export type ArticleFormat = 'text' | 'html' | 'markdown';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

const BLOCK = new Set(['heading', 'paragraph', 'listItem', 'blockquote', 'tableCell', 'code']);

/** The text of a Markdown document, one line per block (heading, paragraph, list item). */
export function markdownToText(markdown: string): string {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) lines.push(current);
    current = '';
  };
  const walk = (node: MdNode) => {
    if (node.type === 'text' || node.type === 'inlineCode') current += node.value ?? '';
    else if (node.type === 'break') current += ' ';
    else if (node.type === 'html') return;
    const block = BLOCK.has(node.type);
    if (block) flush();
    if (node.type === 'code') current += node.value ?? '';
    for (const child of node.children ?? []) walk(child);
    if (block) flush();
  };
  walk(fromMarkdown(markdown) as MdNode);
  flush();
  return lines.join('\n');
}

export function formatOfFile(fileName: string, declaredType = ''): ArticleFormat {
  if (/\.(md|markdown|mdx)$/i.test(fileName) || /markdown/i.test(declaredType)) return 'markdown';
  const media = mediaTypeOfUpload(declaredType, fileName);
  if (media === 'text/html' || media === 'application/xhtml+xml') return 'html';
  if (media === 'application/pdf') throw new UserFacingError('invalid', 'a PDF is not read by intake: paste its text, or upload it as a source capture', 'file');
  return 'text';
}

export async function readArticle(input: { bytes: Buffer; format: ArticleFormat; field?: string }): Promise<{ text: string; title: string | null }> {
  const field = input.field ?? 'file';
  if (input.bytes.length === 0) throw new UserFacingError('invalid', 'the article is empty: paste its text or choose a file', field);
  let text: string;
  let title: string | null = null;
  if (input.format === 'html') {
    const extracted = await extractText({ bytes: input.bytes, mediaType: 'text/html' });
    text = extracted.text;
    title = extracted.title;
    // Readability drops the <h1> it reads as the title: put it back as the headline.
    if (title && !text.startsWith(title)) text = `${title}\n${text}`;
  } else {
    const raw = new TextDecoder('utf-8').decode(input.bytes);
    text = input.format === 'markdown' ? markdownToText(raw) : raw;
  }
  text = normalizeCaptureText(text);
  if (!text) throw new UserFacingError('invalid', 'no text was found in the article', field);
  if (text.length > MAX_ARTICLE_LENGTH) throw new UserFacingError('invalid', `the article is longer than ${MAX_ARTICLE_LENGTH.toLocaleString('en')} characters: cut it into parts`, field);
  return { text, title };
}
