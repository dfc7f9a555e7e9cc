import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireEditorPage } from '@/app/_lib/auth';
import { IntakeWorkbench, type IntakeLabels } from '@/app/_components/intake-workbench';
import { getDb } from '@/lib/db';
import { listDrafts } from '@/lib/intake/drafts';
import { FEATURE_LABELS } from '@/lib/intake/features';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('editorial'))('intake.title'), robots: { index: false } };
}
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IntakePage({ searchParams }: Props) {
  const db = await getDb();
  const editor = await requireEditorPage(db, '/intake');
  const sp = await searchParams;
  const after = typeof sp.after === 'string' ? sp.after : undefined;
  const drafts = await listDrafts(db, { after });
  const [t, forms] = await Promise.all([getTranslations('editorial'), getTranslations('forms')]);
  const keys: Exclude<keyof IntakeLabels, 'features'>[] = [
    'serverAnswered', 'unreachable', 'keep', 'score', 'already', 'new', 'form', 'text', 'file', 'url', 'lang', 'top', 'source', 'rank',
    'candidates', 'heading', 'counts', 'detected', 'downloadOne', 'downloadOther', 'downloadHelp', 'downloaded',
  ];
  // Passed raw: the workbench fills their {placeholders} itself.
  const labels = {
    ...Object.fromEntries(keys.map((k) => [k, String(forms.raw(`intake.${k}`))])),
    features: Object.fromEntries(Object.entries(FEATURE_LABELS).map(([key, label]) => [key, forms.has(`intake.features.${key}`) ? forms(`intake.features.${key}`) : label])),
  } as unknown as IntakeLabels;
  return (
    <article>
      <h1>{t('intake.heading')}</h1>
      <p className="meta">{t('intake.intro', { email: editor.email })}</p>
      <IntakeWorkbench labels={labels} />
      <section aria-label={t('intake.drafts')}>
        <h2>{t('intake.drafts')}</h2>
        <p className="meta">{t('intake.draftsHelp')}</p>
        {drafts.items.length === 0 ? (
          <p>{t('intake.none')}</p>
        ) : (
          <ul className="claim-list">
            {drafts.items.map((d) => (
              <li key={d.id} className="intake-draft">
                <code>{d.filePath}</code> <span className="meta">{t('intake.passages', { count: d.passageCount })}</span>
                <br />
                <span lang={d.lang}>{d.passage}</span>
              </li>
            ))}
          </ul>
        )}
        {drafts.next ? <Link href={`/intake?after=${encodeURIComponent(drafts.next)}`}>{t('intake.more')}</Link> : null}
      </section>
    </article>
  );
}
