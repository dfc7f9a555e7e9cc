import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { captureFormLabels } from '@/app/_lib/form-labels';
import type { CaptureSummary } from '@/lib/captures/dto';
import { CaptureForm } from './capture-form';
import { EditorOnly } from './editor-only';

const METHOD = { upload: 'uploaded', fetch: 'fetched', seed: 'seed data' } as const;

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
  return (
    <section aria-labelledby="captures-heading" className="captures">
      <h2 id="captures-heading">Archived copies ({total.toLocaleString('en')})</h2>
      <p className="meta">
        Quotes from this source are checked against its newest archived copy.{' '}
        {textPublic
          ? `Its licence (${licence ?? 'open'}) lets everyone read the full text of its copies.`
          : 'The full text of a copy is shown to editors only; readers see the quotes and whether each was found.'}
      </p>
      {captures.length ? (
        <ol className="capture-list" reversed>
          {captures.map((c) => (
            <li key={c.id} data-capture-id={c.id}>
              Copy {c.seq}: <time dateTime={c.capturedAt}>{c.capturedAt.slice(0, 10)}</time>, {METHOD[c.method]} by {c.capturedBy} · {c.mediaType}
              {c.fileName ? ` (${c.fileName})` : ''}
              {c.finalUrl ? <> from <span className="url">{c.finalUrl}</span></> : null} · {c.textLength.toLocaleString('en')} characters of text ·{' '}
              <code title="SHA-256 of the bytes as received">sha256 {c.sha256.slice(0, 12)}…</code>
              {textPublic ? (
                <>
                  {' '}· <Link href={`/sources/${sourceId}/captures/${c.id}`}>Read the text</Link>
                </>
              ) : (
                <EditorOnly>
                  {' '}· <Link href={`/sources/${sourceId}/captures/${c.id}`}>Read the text</Link>
                </EditorOnly>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="meta">No archived copy yet: quotes from this source cannot be checked.</p>
      )}
      <EditorOnly>
        <CaptureForm sourceId={sourceId} canFetch={hasUrl} labels={captureFormLabels(useTranslations('forms'))} />
      </EditorOnly>
    </section>
  );
}
