import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { EXTRACTOR_VERSIONS, extractText, mediaTypeOfUpload } from '../../lib/captures/extract';

/** A one-page PDF with one text line per entry (Helvetica), offsets computed so pdf.js reads it without repair. */
function makePdf(lines: string[]): Buffer {
  const content = lines.map((l, i) => `BT /F1 12 Tf 72 ${720 - i * 16} Td (${l.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('extracting the readable text of an archived copy', () => {
  it('reads HTML with Readability: the article, not the navigation or scripts, paragraphs apart, NFC', async () => {
    const para = (s: string) => `<p>${s} ${'This sentence pads the paragraph so that the page reads as an article. '.repeat(3)}</p>`;
    const html = `<html><head><title>Bubble</title><script>var x = "script text";</script></head><body>
      <nav><a href="/">Home</a> <a href="/about">About us</a></nav>
      <article><h1>The bubble</h1>${para('當前 AI 泡沫是網路泡沫的 17 倍。')}${para('Cafe\u0301 owners disagree.')}</article>
      <footer>Footer links</footer></body></html>`;
    const out = await extractText({ bytes: Buffer.from(html), mediaType: 'text/html' });
    expect(out.title).toBe('Bubble');
    expect(out.extractor).toMatch(/^@mozilla\/readability@0\.6\.0\+linkedom@0\.18\.15$/);
    expect(out.text).toContain('當前 AI 泡沫是網路泡沫的 17 倍。');
    expect(out.text).toContain('Café owners disagree.'); // composed (NFC)
    expect(out.text).not.toMatch(/About us|script text|Footer links/);
    expect(out.text).toMatch(/17 倍。[^\n]*\n\nCafé/);
  });

  it('decodes a page by the charset its <meta> declares', async () => {
    const html = '<html><head><meta charset="big5"><title>t</title></head><body><p>泡沫</p></body></html>';
    const bytes = Buffer.concat([Buffer.from(html.slice(0, html.indexOf('泡沫'))), Buffer.from([0xaa, 0x77, 0xaa, 0x6a]), Buffer.from(html.slice(html.indexOf('泡沫') + 2))]);
    expect((await extractText({ bytes, mediaType: 'text/html' })).text).toContain('泡沫');
  });

  it('reads a PDF with pdf.js, line by line', async () => {
    const out = await extractText({ bytes: makePdf(['Training costs (2024)', 'The model cost more than $100 million to train.']), mediaType: 'application/pdf' });
    expect(out.text).toBe('Training costs (2024)\nThe model cost more than $100 million to train.');
    expect(out.extractor).toBe('pdfjs-dist@5.6.205');
  });

  it('refuses a file that claims to be a PDF but is not, naming the field', async () => {
    await expect(extractText({ bytes: Buffer.from('<html>'), mediaType: 'application/pdf' })).rejects.toMatchObject({ code: 'invalid', field: 'file' });
  });

  it('normalises plain text: BOM, CRLF, spaces, blank lines', async () => {
    const out = await extractText({ bytes: Buffer.from('\uFEFFTitle\r\n\r\n\r\n\r\nOne\u3000 two\t three  \r\n'), mediaType: 'text/plain' });
    expect(out.text).toBe('Title\n\nOne two three');
  });

  it('records the extractor versions that are installed', () => {
    for (const [pkg, version] of Object.entries(EXTRACTOR_VERSIONS)) {
      const installed = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string };
      expect(installed.version, pkg).toBe(version);
    }
  });

  it('takes an upload type as declared, or from the file name when none is declared', () => {
    expect(mediaTypeOfUpload('text/html; charset=utf-8', 'a.bin')).toBe('text/html');
    expect(mediaTypeOfUpload('', 'report.PDF')).toBe('application/pdf');
    expect(mediaTypeOfUpload('application/octet-stream', 'notes.txt')).toBe('text/plain');
    expect(mediaTypeOfUpload('image/png', 'x.html')).toBeNull();
    expect(mediaTypeOfUpload('', 'x.docx')).toBeNull();
  });
});
