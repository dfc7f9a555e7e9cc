import { describe, expect, it } from 'vitest';
import { citationFormatOfAccept, citationPathOf } from '../../lib/citations/negotiate';

describe('citation links and content negotiation', () => {
  it('maps .bib, .ris and .csl.json links of claims, sources and claim revisions to the cite route', () => {
    expect(citationPathOf('/claims/gpt4.bib', null)).toBe('/claims/gpt4/cite/bibtex');
    expect(citationPathOf('/sources/nyt-2023.ris', null)).toBe('/sources/nyt-2023/cite/ris');
    expect(citationPathOf('/claims/gpt4.csl.json', null)).toBe('/claims/gpt4/cite/csl-json');
    expect(citationPathOf('/claims/gpt4/v/3.bib', null)).toBe('/claims/gpt4/v/3/cite/bibtex');
    expect(citationPathOf('/claims/.bib', null)).toBeNull();
  });

  it('serves a citation only when Accept prefers one to HTML', () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    expect(citationPathOf('/claims/gpt4', browser)).toBeNull();
    expect(citationPathOf('/claims/gpt4', null)).toBeNull();
    expect(citationPathOf('/claims/gpt4', 'application/x-bibtex')).toBe('/claims/gpt4/cite/bibtex');
    expect(citationPathOf('/claims/gpt4/v/2', 'application/vnd.citationstyles.csl+json')).toBe('/claims/gpt4/v/2/cite/csl-json');
    expect(citationFormatOfAccept('text/html;q=0.5, application/x-research-info-systems')).toBe('ris');
    expect(citationFormatOfAccept('application/x-bibtex;q=0.3, text/html')).toBeNull();
    expect(citationFormatOfAccept('application/x-bibtex;q=0')).toBeNull();
  });

  it('leaves other paths alone', () => {
    expect(citationPathOf('/claims/gpt4/history', 'application/x-bibtex')).toBeNull();
    expect(citationPathOf('/claims', 'application/x-bibtex')).toBeNull();
  });
});
