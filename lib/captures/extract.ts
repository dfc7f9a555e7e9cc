import path from 'node:path';
import { repoRoot } from '../env';
import { normalizeCaptureText } from '../quotes/normalize';
import { UserFacingError } from '../shared/errors';

/**
 * Readable text from an archived copy, by well-kept libraries: Mozilla Readability (Firefox's
 * reader view) over linkedom for HTML, pdf.js for PDF; plain text as it is. The text is then
 * normalised (lib/quotes/normalize.ts) so that quotes match it the way they match each other.
 */

export type CaptureMediaType = 'text/html' | 'application/xhtml+xml' | 'text/plain' | 'application/pdf';
export const CAPTURE_MEDIA_TYPES: readonly CaptureMediaType[] = ['text/html', 'application/xhtml+xml', 'text/plain', 'application/pdf'];

/** The pinned versions of the extractors, recorded with each capture (a test checks them against node_modules). */
export const EXTRACTOR_VERSIONS = { '@mozilla/readability': '0.6.0', linkedom: '0.18.15', 'pdfjs-dist': '5.6.205' } as const;
const version = (pkg: keyof typeof EXTRACTOR_VERSIONS): string => EXTRACTOR_VERSIONS[pkg];

export interface ExtractedText {
  text: string;
  title: string | null;
  extractor: string;
}

/** Decodes text bytes: a BOM wins, then the declared charset, then UTF-8. */
function decode(bytes: Buffer, charset: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    throw new UserFacingError('invalid', `the declared character set "${charset}" is not one this server can read`, 'file');
  }
}

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** The text of a DOM tree with a line break after each block and <br>, so paragraphs stay apart. */
function blockText(root: DomNode): string {
  const out: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      out.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCKS.has(name);
    if (block) out.push('\n\n');
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) out.push('\n\n');
    if (name === 'TD' || name === 'TH') out.push(' ');
  };
  walk(root);
  return out.join('');
}

async function extractHtml(bytes: Buffer, charset: string | null): Promise<ExtractedText> {
  // Loaded when a copy is read, like pdf.js below: every `claims` command loaded them before.
  const [{ Readability }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
  let html = decode(bytes, charset);
  let { document } = parseHTML(html);
  // A page that names its charset only in a <meta> is decoded again with it.
  if (!charset) {
    const meta = document.querySelector('meta[charset]')?.getAttribute('charset') ?? /charset=([^;]+)/i.exec(document.querySelector('meta[http-equiv="Content-Type" i]')?.getAttribute('content') ?? '')?.[1];
    const declared = meta?.trim().toLowerCase();
    if (declared && declared !== 'utf-8' && declared !== 'utf8') {
      html = decode(bytes, declared);
      ({ document } = parseHTML(html));
    }
  }
  const title = document.querySelector('title')?.textContent?.trim() || null;
  const article = new Readability(document as unknown as Document, { keepClasses: false }).parse();
  let text: string;
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    text = blockText(content.body as unknown as DomNode);
  } else {
    // Readability found no article (a short or unusual page): the body's text, scripts left out.
    const { document: again } = parseHTML(html);
    text = blockText((again.body ?? again.documentElement) as unknown as DomNode);
  }
  return { text: normalizeCaptureText(text), title: article?.title?.trim() || title, extractor: `@mozilla/readability@${version('@mozilla/readability')}+linkedom@${version('linkedom')}` };
}

async function extractPdf(bytes: Buffer): Promise<ExtractedText> {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new UserFacingError('invalid', 'the file is not a PDF (it does not start with %PDF-)', 'file');
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js is kept out of the server bundle (next.config.mjs), so its package folder is on disk.
  const fonts = `${path.join(repoRoot, 'node_modules', 'pdfjs-dist', 'standard_fonts')}${path.sep}`;
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, standardFontDataUrl: fonts, verbosity: VerbosityLevel.ERRORS }).promise;
  } catch (error) {
    throw new UserFacingError('invalid', `the PDF could not be read: ${(error as Error).message}`, 'file');
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text);
      page.cleanup();
    }
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : null;
    return { text: normalizeCaptureText(pages.join('\n\n')), title, extractor: `pdfjs-dist@${version('pdfjs-dist')}` };
  } finally {
    await doc.destroy();
  }
}

/** The readable, normalised text of an archived copy. */
export async function extractText(input: { bytes: Buffer; mediaType: CaptureMediaType; charset?: string | null }): Promise<ExtractedText> {
  switch (input.mediaType) {
    case 'text/html':
    case 'application/xhtml+xml':
      return extractHtml(input.bytes, input.charset ?? null);
    case 'application/pdf':
      return extractPdf(input.bytes);
    case 'text/plain':
      return { text: normalizeCaptureText(decode(input.bytes, input.charset ?? null)), title: null, extractor: 'text/plain' };
  }
}

/** The media type of an uploaded file: as declared, or from its name when the browser declared none. */
export function mediaTypeOfUpload(declared: string, fileName: string): CaptureMediaType | null {
  const type = declared.split(';')[0]!.trim().toLowerCase();
  if ((CAPTURE_MEDIA_TYPES as readonly string[]).includes(type)) return type as CaptureMediaType;
  if (type && type !== 'application/octet-stream') return null;
  const ext = path.extname(fileName).toLowerCase();
  return ext === '.html' || ext === '.htm' ? 'text/html' : ext === '.xhtml' ? 'application/xhtml+xml' : ext === '.txt' ? 'text/plain' : ext === '.pdf' ? 'application/pdf' : null;
}
