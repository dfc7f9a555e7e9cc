import type { LineageRoot } from '@/lib/lineage/dto';
import { SourceTitle } from './source-title';

/** Upstream roots with how many claims and sources derive from each. */
export function LineageRootsTable({ roots }: { roots: LineageRoot[] }) {
  if (roots.length === 0) return <p className="meta">No source is yet cited by another.</p>;
  return (
    <div className="table-wrap">
      <table className="lineage-roots">
        <thead>
          <tr>
            <th scope="col">Root source</th>
            <th scope="col">Claims resting on it</th>
            <th scope="col">Sources deriving from it</th>
          </tr>
        </thead>
        <tbody>
          {roots.map((r) => (
            <tr key={r.source.id} data-source-id={r.source.id}>
              <td>
                <SourceTitle source={r.source} />
              </td>
              <td>{r.derivedClaims.toLocaleString('en')}</td>
              <td>{r.derivedSources.toLocaleString('en')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
