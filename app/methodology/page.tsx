import type { Metadata } from 'next';
import { CONFIDENCE_DEFINITION } from '@/lib/shared/definitions';
import { LineageMethodology } from '../_components/lineage-methodology';
import { NumbersMethodology } from '../_components/numbers-methodology';
import { ReliabilityBadge } from '../_components/reliability-badge';
import { VerdictBadge } from '../_components/verdict-badge';
import { RELIABILITY_GRADES, RELIABILITY_SCALE, STANCES, VERDICT_SCALE, VERDICTS } from '@/lib/shared/vocabulary';

export const metadata: Metadata = {
  title: 'Methodology',
  description: 'How Claim Ledger rates claims: the verdict scale, what a confidence figure means, source reliability grades, how evidence is weighed, and corrections.',
  openGraph: { title: 'Methodology · Claim Ledger' },
};

const STANCE_MEANING = {
  supports: 'the source, read in full, bears out the claim or the part of it named (value, attribution, date, causality).',
  contradicts: 'the source says something incompatible with the claim.',
  qualifies: 'the source agrees in part but changes what a reader should take away: a different scope, date, unit or caveat.',
  context: 'background a reader needs, which neither supports nor contradicts the claim.',
} as const;

export default function MethodologyPage() {
  return (
    <article className="methodology">
      <h1>Methodology</h1>
      <p className="lede">
        Each claim is checked against the primary source it traces back to. The verdict says what we found; the confidence says how sure we are of
        the verdict; the grade says how much weight a source can bear.
      </p>

      <section aria-labelledby="scale">
        <h2 id="scale">The verdict scale</h2>
        <p>
          Verdicts map onto schema.org ClaimReview ratings, 5 (best) to 1 (worst). Verdicts that are not a position on the true–false axis carry no number.
        </p>
        <div className="table-wrap">
          <table className="scale-table">
            <thead>
              <tr>
                <th scope="col">Verdict</th>
                <th scope="col">Rating</th>
                <th scope="col">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {VERDICTS.map((v) => (
                <tr key={v} id={`verdict-${v}`}>
                  <td>
                    <VerdictBadge verdict={v} />
                  </td>
                  <td>{VERDICT_SCALE[v].ratingValue ?? '—'}</td>
                  <td>{VERDICT_SCALE[v].meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          A claim’s current verdict is the newest dated one: the verdict in its file, or a later confidence note that changes it. The history stays on the
          claim page.
        </p>
      </section>

      <section aria-labelledby="confidence">
        <h2 id="confidence">What a confidence figure means</h2>
        <p>
          {CONFIDENCE_DEFINITION} Bands used in filters: high (75% and above), medium (40–74%), low (below 40%); “no figure”
          means nobody has recorded one yet. Every change is a dated confidence note with its author, reason and the evidence it rests on.
        </p>
      </section>

      <section aria-labelledby="grades">
        <h2 id="grades">Source reliability grades</h2>
        <dl className="legend">
          {RELIABILITY_GRADES.map((g) => (
            <div key={g} id={`grade-${g}`}>
              <dt>
                <ReliabilityBadge grade={g} /> {RELIABILITY_SCALE[g].label}
              </dt>
              <dd>{RELIABILITY_SCALE[g].meaning}</dd>
            </div>
          ))}
        </dl>
        <p>
          Each grade carries a written reason on the source’s page. Mirrors, reposts and archives are listed as copies, never as the original, and each
          copy says what it is: a third-party mirror, a web proxy (some encode the address, such as ROT13 proxies), a text dump, a staging site, or a
          machine-rewritten copy that cannot be quoted as the original’s words.
        </p>
      </section>

      <section aria-labelledby="verified">
        <h2 id="verified">What “read” (verified) means</h2>
        <p>
          A source record is marked <strong>read</strong> (its <code>verified</code> flag) when, and only when, we read the text that record cites: the
          original at its address, or a copy listed on the record that reproduces it, at least the passages our evidence quotes. It is marked{' '}
          <strong>not read</strong> when all we hold is someone else’s account of it: a summary (AI-written or not), an excerpt quoted elsewhere
          (including in our own research notes), a headline seen in a social post, or no text at all. A record that is itself a summary page, such as
          an AI summary of an unidentified article, is read when we read that page; the article behind it is not.
        </p>
        <p>
          Read and grade answer different questions. An official survey we have not opened can be grade A and not read; a blog we read in full can be
          grade C and read. A source graded U (not assessable) is never marked read. Source pages, source lists and every source named beside an
          excerpt show “not read” where it applies, so a quote relayed second-hand is visible as such. A source that others cite but we could not
          read, such as a paywalled report, is kept as a <em>cited-but-unread placeholder</em>: it appears in citation chains so the chain is honest
          about where it ends, it is marked not read, and no evidence quotes it.
        </p>
      </section>

      <section aria-labelledby="weighing">
        <h2 id="weighing">How evidence is weighed</h2>
        <ul>
          {STANCES.map((s) => (
            <li key={s}>
              <strong>{s}</strong>: {STANCE_MEANING[s]}
            </li>
          ))}
        </ul>
        <p>
          Every excerpt is quoted verbatim in its original language, with a translation and a locator (page, table, timestamp). A cut quote is split into
          separate excerpts rather than joined with an ellipsis. Primary sources (grade A) outweigh any number of repetitions: a figure repeated by ten
          blogs that cite one another still rests on whatever the first of them cited, which is why each claim page draws the chain of appearances back
          to the earliest source found. Proposed evidence is shown only as a count until an editor accepts it.
        </p>
      </section>

      <LineageMethodology />
      <NumbersMethodology />

      <section aria-labelledby="corrections">
        <h2 id="corrections">Corrections policy</h2>
        <p>
          When new evidence changes a verdict or confidence, we add a dated confidence note; earlier notes are never edited or deleted. Evidence found to
          be wrong is retracted with a reason, not removed, and the change is kept in the revision log. A claim removed from the ledger is marked
          withdrawn: its page and permalink keep working, with a notice. To report an error, cite the claim’s permalink and the source that shows it:{' '}
          <a href="/about#corrections">how to request a correction</a>.
        </p>
      </section>
    </article>
  );
}
