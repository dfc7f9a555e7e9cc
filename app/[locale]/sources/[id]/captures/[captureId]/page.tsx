import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getSessionActor } from '@/app/_lib/auth';
import { getCaptureTextOrThrow } from '@/lib/captures/queries';
import { getDb } from '@/lib/db';
import { UserFacingError } from '@/lib/shared/errors';

// Depends on who asks (copyright: editors, or everyone for an openly licensed source): never cached.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Archived copy', robots: { index: false } };

type Props = { params: Promise<{ id: string; captureId: string }> };

export default async function CaptureTextPage({ params }: Props) {
  const { id, captureId } = await params;
  const db = await getDb();
  const actor = await getSessionActor(db);
  let capture;
  try {
    capture = await getCaptureTextOrThrow(db, id, captureId, { editor: actor !== null });
  } catch (error) {
    if (error instanceof UserFacingError && error.code === 'not_found') notFound();
    if (error instanceof UserFacingError && error.code === 'forbidden') {
      return (
        <article>
          <h1>Archived copy</h1>
          <p className="notice" role="note">
            The full text of this copy is shown to editors only: its source is not marked as openly licensed.{' '}
            <Link href={`/sign-in?next=${encodeURIComponent(`/sources/${id}/captures/${captureId}`)}`}>Sign in</Link> or go back to{' '}
            <Link href={`/sources/${id}`}>the source</Link>.
          </p>
        </article>
      );
    }
    throw error;
  }
  return (
    <article className="capture">
      <p className="meta">
        <Link href={`/sources/${id}`}>← the source</Link>
      </p>
      <h1>Archived copy {capture.seq}</h1>
      <p className="meta">
        Taken <time dateTime={capture.capturedAt}>{capture.capturedAt.slice(0, 10)}</time> by {capture.capturedBy} ({capture.method}) · {capture.mediaType} ·
        sha256 <code>{capture.sha256}</code> · text by {capture.extractor}
        {capture.licence ? ` · licence: ${capture.licence}` : ''}
      </p>
      <pre className="capture-text" lang="und">
        {capture.text}
      </pre>
    </article>
  );
}
