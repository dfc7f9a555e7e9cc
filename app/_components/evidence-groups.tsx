import { useTranslations } from 'next-intl';
import type { EvidenceItem } from '@/lib/claims/dto';
import { STANCES, type Stance } from '@/lib/shared/vocabulary';
import { EditorOnly } from './editor-only';
import { QuoteStatus } from './quote-status';
import { SourceTitle } from './source-title';
import { renderNoteMarkdown } from '@/lib/evidence/note-markdown';

export function EvidenceEntry({ item, showSource = true }: { item: EvidenceItem; showSource?: boolean }) {
  const t = useTranslations('claimParts.evidence');
  const value = item.value !== null ? `${item.value.toLocaleString('en')}${item.unit ? ` ${item.unit}` : ''}` : null;
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
          value !== null ? (item.asOf ? t('valueAsOf', { value, date: item.asOf }) : t('value', { value })) : null,
          t('bearsOn', { target: t.has(`targets.${item.target}`) ? t(`targets.${item.target}` as 'targets.whole') : item.target }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {item.note ? <div className="evidence-note" dir="auto">{renderNoteMarkdown(item.note)}</div> : null}
      <p className="meta evidence-provenance">
        {t.rich('addedBy', { author: item.author, date: item.createdAt.slice(0, 10), time: (chunks) => <time dateTime={item.createdAt}>{chunks}</time> })}
        {item.source.verified ? t('readInSource') : t('notReadInSource')}
      </p>
      <EditorOnly>
        <p className="editor-tools">
          <a href={`/evidence/${item.id}/edit`}>{t('editOrRetract')}</a>
        </p>
      </EditorOnly>
    </article>
  );
}

/** Evidence under one heading per stance; empty stances say so rather than vanish. */
export function EvidenceGroups({ evidence }: { evidence: Record<Stance, EvidenceItem[]> }) {
  const t = useTranslations('claimParts');
  return (
    <>
      {STANCES.map((stance) => (
        <section key={stance} className="evidence-group" aria-labelledby={`stance-${stance}`}>
          <h3 id={`stance-${stance}`}>
            {t(`stanceHeadings.${stance}`)} <span className="count">({evidence[stance].length})</span>
          </h3>
          {evidence[stance].length === 0 ? <p className="meta">{t('evidence.noneRecorded')}</p> : evidence[stance].map((item) => <EvidenceEntry key={item.id} item={item} />)}
        </section>
      ))}
    </>
  );
}
