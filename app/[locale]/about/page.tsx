import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { listPublicEditors } from '@/lib/about/editors';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pages.about');
  return { title: t('title'), description: t('metaDescription'), alternates: { canonical: '/about' } };
}

// Accounts change outside the revision log (the data version does not follow them): rendered per request.
export const dynamic = 'force-dynamic';

/** Transparency, as the IFCN code of principles asks: who runs it, who edits, how to correct it, who pays. */
export default async function AboutPage() {
  const t = await getTranslations('pages.about');
  const methodology = await getTranslations('methodology');
  const env = getEnv();
  const editors = await listPublicEditors(await getDb());
  const tags = {
    code: (chunks: ReactNode) => <code>{chunks}</code>,
    strong: (chunks: ReactNode) => <strong>{chunks}</strong>,
    meta: (chunks: ReactNode) => <span className="meta">{chunks}</span>,
  };
  return (
    <article className="narrow about">
      <h1>{t('heading')}</h1>
      <section aria-labelledby="operator">
        <h2 id="operator">{t('operator.heading')}</h2>
        {env.LEDGER_OPERATOR ? <p>{t('operator.runBy', { operator: env.LEDGER_OPERATOR })}</p> : <p>{t.rich('operator.undeclared', tags)}</p>}
        <p>{t.rich('operator.open', tags)}</p>
      </section>

      <section aria-labelledby="editors">
        <h2 id="editors">{t('editors.heading')}</h2>
        {editors.length ? (
          <ul className="editor-list">
            {editors.map((e) => (
              <li key={`${e.name}-${e.since}`}>
                <strong>{e.name}</strong>{' '}
                <span className="meta">· {t(e.role === 'admin' ? 'editors.adminSince' : 'editors.editorSince', { since: e.since })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="meta">{t('editors.none')}</p>
        )}
        <p className="meta">{t('editors.optIn')}</p>
      </section>

      <section aria-labelledby="corrections">
        <h2 id="corrections">{t('corrections.heading')}</h2>
        <ol>
          <li>{t.rich('corrections.addEvidence', tags)}</li>
          <li>
            {env.CORRECTIONS_EMAIL
              ? t.rich('corrections.email', {
                  email: env.CORRECTIONS_EMAIL,
                  mail: (chunks: ReactNode) => <a href={`mailto:${env.CORRECTIONS_EMAIL}`}>{chunks}</a>,
                })
              : t('corrections.noEmail')}
          </li>
        </ol>
        <p>{t.rich('corrections.policy', { link: (chunks: ReactNode) => <Link href="/methodology#corrections">{chunks}</Link> })}</p>
      </section>

      <section aria-labelledby="funding">
        <h2 id="funding">{t('funding.heading')}</h2>
        {env.LEDGER_FUNDING ? <p>{env.LEDGER_FUNDING}</p> : <p>{t('funding.none')}</p>}
        <p className="meta">{t('funding.noAds')}</p>
      </section>

      <section aria-labelledby="confidence-def">
        <h2 id="confidence-def">{t('confidenceHeading')}</h2>
        <p>{methodology('confidence.definition')}</p>
      </section>
    </article>
  );
}
