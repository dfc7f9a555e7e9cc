import type { Appearance, ChainNode } from '@/lib/claims/dto';
import { SourceTitle } from './source-title';

function CitedSources({ nodes }: { nodes: ChainNode[] }) {
  if (nodes.length === 0) return null;
  return (
    <ul className="chain-cites">
      {nodes.map((n) => (
        <li key={n.source.id}>
          <span className="chain-arrow" aria-hidden="true">↳</span> cites <SourceTitle source={n.source} />
          {n.repeated ? <span className="meta"> (shown above)</span> : null}
          {!n.repeated && n.cites.length === 0 ? <span className="chain-primary"> earliest source found</span> : null}
          <CitedSources nodes={n.cites} />
        </li>
      ))}
    </ul>
  );
}

/** Where the claim appeared, in the claim file's order, each drawn back through what it cited. */
export function AppearanceChain({ appearances }: { appearances: Appearance[] }) {
  return (
    <ol className="chain">
      {appearances.map((a) => (
        <li key={a.position}>
          <div>
            {a.date ? <time dateTime={a.date}>{a.date}</time> : <span className="meta">undated</span>}{' '}
            <SourceTitle source={a.source} />
          </div>
          {a.note ? <p className="meta">{a.note}</p> : null}
          <CitedSources nodes={a.cites} />
        </li>
      ))}
    </ol>
  );
}
