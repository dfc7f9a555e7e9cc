import type { EvidenceItem } from '@/lib/claims/dto';
import { STANCES, type Stance } from '@/lib/shared/vocabulary';
import { EditorOnly } from './editor-only';
import { QuoteStatus } from './quote-status';
import { SourceTitle } from './source-title';
import { renderNoteMarkdown } from '@/lib/evidence/note-markdown';

const STANCE_HEADINGS: Record<Stance, string> = {
  supports: 'Supports the claim',
  contradicts: 'Contradicts the claim',
  qualifies: 'Qualifies the claim',
  context: 'Context',
};

export function EvidenceEntry({ item, showSource = true }: { item: EvidenceItem; showSource?: boolean }) {
  return (
    <article className={`evidence stance-${item.stance}`} id={`evidence-${item.id}`}>
      <blockquote lang={item.lang} dir="auto">{item.excerpt}</blockquote>
      {/* Unchecked quotes (no archived copy) are not marked one by one: the page says so once. */}
      {item.anchor && item.anchor.status !== 'no-capture' ? <p className="quote-check"><QuoteStatus anchor={item.anchor} /></p> : null}
      {item.translation ? <p className="translation" lang="en" dir="auto">{item.translation}</p> : null}
      <p className="meta">
        {showSource ? <><SourceTitle source={item.source} /> · </> : null}
        {[
          item.locator,
          item.value !== null ? `value ${item.value.toLocaleString('en')}${item.unit ? ` ${item.unit}` : ''}${item.asOf ? ` (as of ${item.asOf})` : ''}` : null,
          `bears on: ${item.target}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {item.note ? <div className="evidence-note" dir="auto">{renderNoteMarkdown(item.note)}</div> : null}
      <p className="meta evidence-provenance">
        Added by {item.author} on <time dateTime={item.createdAt}>{item.createdAt.slice(0, 10)}</time> ·{' '}
        {item.source.verified ? 'excerpt read in the source itself' : 'source not read by us: the excerpt is relayed second-hand'}
      </p>
      <EditorOnly>
        <p className="editor-tools">
          <a href={`/evidence/${item.id}/edit`}>Edit or retract</a>
        </p>
      </EditorOnly>
    </article>
  );
}

/** Evidence under one heading per stance; empty stances say so rather than vanish. */
export function EvidenceGroups({ evidence }: { evidence: Record<Stance, EvidenceItem[]> }) {
  return (
    <>
      {STANCES.map((stance) => (
        <section key={stance} className="evidence-group" aria-labelledby={`stance-${stance}`}>
          <h3 id={`stance-${stance}`}>
            {STANCE_HEADINGS[stance]} <span className="count">({evidence[stance].length})</span>
          </h3>
          {evidence[stance].length === 0 ? <p className="meta">None recorded.</p> : evidence[stance].map((item) => <EvidenceEntry key={item.id} item={item} />)}
        </section>
      ))}
    </>
  );
}
