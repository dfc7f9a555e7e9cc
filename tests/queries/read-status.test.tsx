import { renderEn } from '../helpers/intl';
import { describe, expect, it } from 'vitest';
import { ReadStatus } from '../../app/_components/read-status';
import { SourceTitle } from '../../app/_components/source-title';
import type { SourceLink } from '../../lib/claims/dto';

describe('whether we read a source', () => {
  const source: SourceLink = { id: 's', title: 'A survey', publisher: 'Bureau', published: '2025', type: 'dataset', reliability: 'A', url: null, verified: false };

  it('marks a source we did not read as "not read" wherever it is named with its grade', () => {
    expect(renderEn(<SourceTitle source={source} />)).toContain('>not read</a>');
    expect(renderEn(<SourceTitle source={{ ...source, verified: true }} />)).not.toContain('not read');
  });

  it('says on the source page which of the two it is, and links the definition', () => {
    expect(renderEn(<ReadStatus verified long />)).toContain('We read the text this record cites');
    const notRead = renderEn(<ReadStatus verified={false} long />);
    expect(notRead).toContain('We have not read the text this record cites');
    expect(notRead).toContain('href="/methodology#verified"');
  });
});
