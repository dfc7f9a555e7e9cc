import type { Metadata } from 'next';
import Link from 'next/link';
import { listPublicEditors } from '@/lib/about/editors';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { CONFIDENCE_DEFINITION } from '@/lib/shared/definitions';

export const metadata: Metadata = {
  title: 'About',
  description: 'Who runs this Claim Ledger, its named editors, how to request a correction, and how it is funded.',
  alternates: { canonical: '/about' },
};

// Accounts change outside the revision log (the data version does not follow them): rendered per request.
export const dynamic = 'force-dynamic';

/** Transparency, as the IFCN code of principles asks: who runs it, who edits, how to correct it, who pays. */
export default async function AboutPage() {
  const env = getEnv();
  const editors = await listPublicEditors(await getDb());
  return (
    <article className="narrow about">
      <h1>About this ledger</h1>
      <section aria-labelledby="operator">
        <h2 id="operator">Who runs it</h2>
        {env.LEDGER_OPERATOR ? (
          <p>This ledger is run by {env.LEDGER_OPERATOR}.</p>
        ) : (
          <p>
            The operator of this instance has not declared who runs it. <span className="meta">(Operators state it with the LEDGER_OPERATOR setting.)</span>
          </p>
        )}
        <p>
          Claim Ledger is open software: every verdict links to its evidence and every excerpt to its source, and the whole record is public as JSON
          (<code>/api/claims</code>, <code>/api/sources</code>).
        </p>
      </section>

      <section aria-labelledby="editors">
        <h2 id="editors">Editors</h2>
        {editors.length ? (
          <ul className="editor-list">
            {editors.map((e) => (
              <li key={`${e.name}-${e.since}`}>
                <strong>{e.name}</strong> <span className="meta">· {e.role === 'admin' ? 'administrator' : 'editor'} since {e.since}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="meta">No editor has chosen to be listed yet.</p>
        )}
        <p className="meta">Editors are listed only if they choose to be. Each confidence note and evidence entry names who added it.</p>
      </section>

      <section aria-labelledby="corrections">
        <h2 id="corrections">How to request a correction</h2>
        <ol>
          <li>
            Open the claim and use <strong>Add evidence</strong>: quote the source that shows the error. Without an account your entry is filed as a
            proposal, which an editor reviews; accepted or rejected, the decision and its reason are kept in the claim’s history.
          </li>
          <li>
            {env.CORRECTIONS_EMAIL ? (
              <>
                Or write to <a href={`mailto:${env.CORRECTIONS_EMAIL}`}>{env.CORRECTIONS_EMAIL}</a> with the claim’s permalink and the source.
              </>
            ) : (
              <>No correction address has been declared for this instance: use the proposal form above.</>
            )}
          </li>
        </ol>
        <p>
          Corrections are shown, never hidden: see the <Link href="/methodology#corrections">corrections policy</Link>.
        </p>
      </section>

      <section aria-labelledby="funding">
        <h2 id="funding">Funding</h2>
        {env.LEDGER_FUNDING ? <p>{env.LEDGER_FUNDING}</p> : <p>No funder has been declared for this instance.</p>}
        <p className="meta">The site shows no advertising.</p>
      </section>

      <section aria-labelledby="confidence-def">
        <h2 id="confidence-def">What our confidence figures mean</h2>
        <p>{CONFIDENCE_DEFINITION}</p>
      </section>
    </article>
  );
}
