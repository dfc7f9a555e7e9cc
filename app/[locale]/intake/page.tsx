import type { Metadata } from 'next';
import Link from 'next/link';
import { requireEditorPage } from '@/app/_lib/auth';
import { IntakeWorkbench } from '@/app/_components/intake-workbench';
import { getDb } from '@/lib/db';
import { listDrafts } from '@/lib/intake/drafts';

export const metadata: Metadata = { title: 'Intake', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IntakePage({ searchParams }: Props) {
  const db = await getDb();
  const editor = await requireEditorPage(db, '/intake');
  const sp = await searchParams;
  const after = typeof sp.after === 'string' ? sp.after : undefined;
  const drafts = await listDrafts(db, { after });
  return (
    <article>
      <h1>Intake: the next article</h1>
      <p className="meta">
        Signed in as {editor.email}. Paste an article, upload it, or give its URL: its sentences are ranked by check-worthiness (each feature and its weight shown),
        restatements grouped, and each candidate matched against the ledger. Tick the ones to keep and download draft records; nothing is written on the server.
      </p>
      <IntakeWorkbench />
      <section aria-label="Drafts in the ledger">
        <h2>Drafts in the ledger</h2>
        <p className="meta">Ingested claim files with status: draft. Only editors see them; readers see them once their file says status: published.</p>
        {drafts.items.length === 0 ? (
          <p>No drafts.</p>
        ) : (
          <ul className="claim-list">
            {drafts.items.map((d) => (
              <li key={d.id} className="intake-draft">
                <code>{d.filePath}</code> <span className="meta">({d.passageCount} passage{d.passageCount === 1 ? '' : 's'})</span>
                <br />
                <span lang={d.lang}>{d.passage}</span>
              </li>
            ))}
          </ul>
        )}
        {drafts.next ? <Link href={`/intake?after=${encodeURIComponent(drafts.next)}`}>More drafts</Link> : null}
      </section>
    </article>
  );
}
