import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { captureFormLabels } from '@/app/_lib/form-labels';
import type { CaptureSummary } from '@/lib/captures/dto';
import { CaptureForm } from './capture-form';
import { EditorOnly } from './editor-only';

/** A source's archived copies with their dates and hashes; editors get the form that adds one. */
export function SourceCaptures({
  sourceId,
  captures,
  total,
  textPublic,
  licence,
  hasUrl,
}: {
  sourceId: string;
  captures: CaptureSummary[];
  total: number;
  textPublic: boolean;
  licence: string | null;
  hasUrl: boolean;
}) {
  const t = useTranslations('pages.captures');
  const format = useFormatter();
  return (
    <section aria-labelledby="captures-heading" className="captures">
      <h2 id="captures-heading">{t('heading', { total: format.number(total) })}</h2>
      <p className="meta">
        {t('checked')} {textPublic ? t('public', { licence: licence ?? t('open') }) : t('editorsOnly')}
      </p>
      {captures.length ? (
        <ol className="capture-list" reversed>
          {captures.map((c) => (
            <li key={c.id} data-capture-id={c.id}>
              {t.rich('copy', {
                seq: String(c.seq),
                date: c.capturedAt.slice(0, 10),
                method: c.method,
                by: c.capturedBy,
                mediaType: c.mediaType,
                time: (chunks) => <time dateTime={c.capturedAt}>{chunks}</time>,
              })}
              {c.fileName ? ` (${c.fileName})` : ''}
              {c.finalUrl ? t.rich('from', { url: c.finalUrl, span: (chunks) => <span className="url">{chunks}</span> }) : null}{' '}
              · {t('characters', { length: format.number(c.textLength) })} ·{' '}
              <code title={t('shaTitle')}>sha256 {c.sha256.slice(0, 12)}…</code>
              {textPublic ? (
                <>
                  {' '}· <Link href={`/sources/${sourceId}/captures/${c.id}`}>{t('read')}</Link>
                </>
              ) : (
                <EditorOnly>
                  {' '}· <Link href={`/sources/${sourceId}/captures/${c.id}`}>{t('read')}</Link>
                </EditorOnly>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="meta">{t('none')}</p>
      )}
      <EditorOnly>
        <CaptureForm sourceId={sourceId} canFetch={hasUrl} labels={captureFormLabels(useTranslations('forms'))} />
      </EditorOnly>
    </section>
  );
}
