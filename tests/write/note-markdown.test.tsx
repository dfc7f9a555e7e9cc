import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderNoteMarkdown } from '../../lib/evidence/note-markdown';

const html = (md: string) => renderToStaticMarkup(<>{renderNoteMarkdown(md)}</>);

describe('notes in Markdown', () => {
  it('renders emphasis, lists and http(s) links with rel="nofollow ugc"', () => {
    expect(html('**Bold** and *em*\n\n- one\n- two\n\n[AI Index](https://hai.stanford.edu/ai-index)')).toBe(
      '<p><strong>Bold</strong> and <em>em</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p><a href="https://hai.stanford.edu/ai-index" rel="nofollow ugc">AI Index</a></p>',
    );
  });

  it('keeps raw HTML, scripts and event handlers out as inert text or nothing', () => {
    const out = html('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\nHello <b onclick="x()">there</b>');
    expect(out).not.toMatch(/<script|<img|onerror|onclick|<b/i);
    expect(out).toContain('Hello');
  });

  it('drops javascript:, data: and relative links but keeps their text', () => {
    const out = html('[click](javascript:alert(1)) [data](data:text/html,hi) [rel](/admin) [ok](http://example.org)');
    expect(out).not.toMatch(/javascript:|data:text|href="\/admin"/);
    expect(out).toContain('click');
    expect(out).toContain('<a href="http://example.org" rel="nofollow ugc">ok</a>');
  });

  it('shows an image as its alt text only', () => {
    expect(html('![a chart](https://example.org/x.png)')).toBe('<p>a chart</p>');
  });
});
