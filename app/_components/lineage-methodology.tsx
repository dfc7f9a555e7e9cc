import Link from 'next/link';
import { FLAG_LABELS, FLAG_MEANINGS } from '@/lib/lineage/format';
import { LINEAGE_MAX_DEPTH, LINEAGE_MAX_NODES } from '@/lib/lineage/graph';

/** The /methodology section on lineage: how the graph is built, what is flagged, what "independent" means and its limits. */
export function LineageMethodology() {
  return (
    <section aria-labelledby="lineage">
      <h2 id="lineage">Lineage: who cites whom, and how many sources are independent</h2>
      <p>
        Every source records what it cites: the cited source, where in the text the link is made, and whether the link is <strong>stated</strong> (the
        source names what it relies on) or <strong>inferred</strong> (an editor concluded it, for example from identical wording, and the record says
        who and why). An appearance of a claim can say what that source cited for this particular claim; otherwise the source&apos;s own citations
        count. Each appearance also records what the source actually said, verbatim with a translation, and the figure it states.
      </p>
      <p>
        From these the ledger draws one graph per claim, from the article back to the earliest source found, following at most {LINEAGE_MAX_DEPTH} links
        and {LINEAGE_MAX_NODES} sources. It is computed when something changes (a citation edited on any source in the chain changes every claim resting
        on it), never per request. These are flagged:
      </p>
      <dl className="legend">
        {Object.entries(FLAG_LABELS).map(([flag, label]) => (
          <div key={flag}>
            <dt>{label}</dt>
            <dd>{FLAG_MEANINGS[flag as keyof typeof FLAG_MEANINGS]}</dd>
          </div>
        ))}
      </dl>
      <h3 id="independence">Independent sources</h3>
      <p>
        Two sources are <strong>independent</strong> when neither derives from the other (directly or through others) and they share no upstream source.
        Three articles that all cite one press release are one independent source in three appearances; two surveys that cite nothing in common are two.
        Each claim shows &ldquo;N sources, K independent&rdquo; for where it appeared, and the same count for each stance of its evidence; evidence is
        grouped by the root its sources derive from, and a claim whose supporting evidence all derives from one root says so.
      </p>
      <p>Limits, stated plainly:</p>
      <ul>
        <li>
          Only recorded links count. A source that copied another without saying so looks independent until someone records the link; an inferred link is
          counted only once it is recorded and marked as inferred, and the claim page also gives the count with inferred links left out.
        </li>
        <li>
          K is the largest set of pairwise independent sources found by taking the sources closest to an origin first. It is exact when the chains form a
          tree; when chains partly overlap (A and B share one upstream, B and C another) it is a lower bound.
        </li>
        <li>
          A source we could not read (a dead end) still counts as an upstream: sources resting on an unread note are not independent of each other, even
          though nobody here has checked the note.
        </li>
        <li>Independence of origin is not accuracy: one careful primary source outweighs many independent repeats, and independent sources can share an error.</li>
        <li>The first appearance is the earliest one recorded; a date known only to the month cannot be ordered against another in the same month, and then every candidate is named.</li>
      </ul>
      <p>
        <Link href="/sources/graph">The upstream roots</Link> list the sources whole chains rest on, by how many claims and sources derive from them.
      </p>
    </section>
  );
}
