import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { getSessionActor } from '@/app/_lib/auth';
import { getCaptureTextOrThrow } from '@/lib/captures/queries';
import { getDb } from '@/lib/db';
import { UserFacingError } from '@/lib/shared/errors';

// Depends on who asks (copyright: editors, or everyone for an openly licensed source): never cached.
export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pages.capture');
  return { title: t('title'), robots: { index: false } };
}

type Props = { params: Promise<{ id: string; captureId: string }> };

export default async function CaptureTextPage({ params }: Props) {
  const { id, captureId } = await params;
  const t = await getTranslations('pages.capture');
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
          <h1>{t('title')}</h1>
          <p className="notice" role="note">
            {t.rich('editorsOnly', {
              signIn: (chunks: ReactNode) => <Link href={`/sign-in?next=${encodeURIComponent(`/sources/${id}/captures/${captureId}`)}`}>{chunks}</Link>,
              source: (chunks: ReactNode) => <Link href={`/sources/${id}`}>{chunks}</Link>,
            })}
          </p>
        </article>
      );
    }
    throw error;
  }
  return (
    <article className="capture">
      <p className="meta">
        <Link href={`/sources/${id}`}>{t('back')}</Link>
      </p>
      <h1>{t('heading', { seq: String(capture.seq) })}</h1>
      <p className="meta">
        {t.rich('meta', {
          date: capture.capturedAt.slice(0, 10),
          by: capture.capturedBy,
          method: capture.method,
          mediaType: capture.mediaType,
          sha256: capture.sha256,
          extractor: capture.extractor,
          time: (chunks: ReactNode) => <time dateTime={capture.capturedAt}>{chunks}</time>,
          code: (chunks: ReactNode) => <code>{chunks}</code>,
        })}
        {capture.licence ? t('licence', { licence: capture.licence }) : ''}
      </p>
      <pre className="capture-text" lang="und">
        {capture.text}
      </pre>
    </article>
  );
}
