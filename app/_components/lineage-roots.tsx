import { useTranslations } from 'next-intl';
import type { LineageRoot } from '@/lib/lineage/dto';
import { SourceTitle } from './source-title';

/** Upstream roots with how many claims and sources derive from each. */
export function LineageRootsTable({ roots }: { roots: LineageRoot[] }) {
  const t = useTranslations('claimParts.lineageRoots');
  if (roots.length === 0) return <p className="meta">{t('none')}</p>;
  return (
    <div className="table-wrap">
      <table className="lineage-roots">
        <thead>
          <tr>
            <th scope="col">{t('root')}</th>
            <th scope="col">{t('claims')}</th>
            <th scope="col">{t('sources')}</th>
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
