import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';

/**
 * Renders a note people submitted, written in Markdown, as React elements.
 * Submitted text is data, never code: it is parsed as plain CommonMark (no MDX, no
 * JSX), raw HTML is dropped rather than passed through, images become their alt
 * text, and links survive only with an http(s) URL and rel="nofollow ugc".
 * React escapes every text node, so nothing here can become markup or script.
 */
const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'del']);

function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string') return false;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function sanitise(nodes: Array<RootContent | ElementContent>): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') out.push(node);
    else if (node.type === 'element') {
      const el = node as Element;
      const children = sanitise(el.children);
      if (el.tagName === 'img') {
        const alt = typeof el.properties.alt === 'string' ? el.properties.alt : '';
        if (alt) out.push({ type: 'text', value: alt });
        continue;
      }
      if (!ALLOWED_TAGS.has(el.tagName)) {
        out.push(...children);
        continue;
      }
      if (el.tagName === 'a') {
        if (!isSafeHref(el.properties.href)) {
          out.push(...children);
          continue;
        }
        out.push({ type: 'element', tagName: 'a', properties: { href: el.properties.href, rel: ['nofollow', 'ugc'] }, children });
        continue;
      }
      // Headings inside a note would break the page outline: show them as strong paragraphs.
      if (/^h[1-6]$/.test(el.tagName)) {
        out.push({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'element', tagName: 'strong', properties: {}, children }] });
        continue;
      }
      out.push({ type: 'element', tagName: el.tagName, properties: {}, children });
    }
    // Comments, doctypes and raw nodes are dropped.
  }
  return out;
}

export function noteToHast(markdown: string): HastRoot {
  const hast = toHast(fromMarkdown(markdown), { allowDangerousHtml: false }) as HastRoot | ElementContent;
  const children = hast.type === 'root' ? hast.children : [hast];
  return { type: 'root', children: sanitise(children) };
}

export function renderNoteMarkdown(markdown: string): ReactNode {
  return toJsxRuntime(noteToHast(markdown), { Fragment, jsx, jsxs, passKeys: true });
}
