import type { Metadata } from 'next';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notFound'))('title') };
}

export default function NotFound() {
  const t = useTranslations('notFound');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <p>
        <Link href="/claims">{t('claims')}</Link> · <Link href="/sources">{t('sources')}</Link> · <Link href="/">{t('home')}</Link>
      </p>
    </>
  );
}
