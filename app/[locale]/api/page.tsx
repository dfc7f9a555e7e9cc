import type { Metadata } from 'next';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { getOpenApiDocument } from '@/app/api/_lib/operations';
import { describeOpenApi } from '@/lib/http/openapi-reference';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pages.api');
  return { title: t('title'), description: t('metaDescription') };
}

// The document is built from the route declarations alone (no store data): one static page.
export const dynamic = 'force-static';

/** The access lines lib/http/openapi-reference.ts writes, by the message that says each in the reader's language. */
const ACCESS_KEYS: Record<string, string> = {
  'anyone (no credentials read)': 'accessAnyone',
  'anyone; an editor’s token or session is honoured when sent': 'accessAnyoneHonoured',
  'editors: Authorization: Bearer <token>, or a signed-in session': 'accessEditors',
};

export default function ApiReferencePage() {
  const t = useTranslations('pages.api');
  const reference = describeOpenApi(getOpenApiDocument());
  return (
    <article className="api-reference">
      <h1>{t('heading')}</h1>
      <p className="lede">{reference.description}</p>
      <p>
        {t.rich('intro', {
          version: reference.openapi,
          doc: (chunks: ReactNode) => <a href="/api/openapi.json">{chunks}</a>,
          shape: () => <code>{'{ "error": { "code", "message", "field"? } }'}</code>,
        })}
      </p>
      <nav aria-label={t('operations')}>
        <ul>
          {reference.operations.map((op) => (
            <li key={op.id}>
              <a href={`#${op.id}`}>
                <code>
                  {op.method} {op.path}
                </code>
              </a>{' '}
              {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {reference.operations.map((op) => (
        <section key={op.id} id={op.id} aria-labelledby={`${op.id}-title`}>
          <h2 id={`${op.id}-title`}>
            <code>
              {op.method} {op.path}
            </code>
          </h2>
          <p>{op.summary}</p>
          {op.description ? <p className="meta">{op.description}</p> : null}
          <p className="meta">{t('access', { access: ACCESS_KEYS[op.access] ? t(ACCESS_KEYS[op.access]!, { token: '<token>' }) : op.access })}</p>
          {op.parameters.length > 0 ? (
            <div className="table-wrap">
              <table className="scale-table">
                <caption className="visually-hidden">{t('parameters')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('parameter')}</th>
                    <th scope="col">{t('in')}</th>
                    <th scope="col">{t('schema')}</th>
                    <th scope="col">{t('about')}</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={`${p.in}:${p.name}`}>
                      <td>
                        <code>{p.name}</code>
                        {p.required ? t('requiredParam') : ''}
                      </td>
                      <td>{p.in}</td>
                      <td>
                        <code>{p.schema}</code>
                      </td>
                      <td>{p.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {op.body ? (
            <details>
              <summary>
                {t(op.body.required ? 'bodyRequired' : 'bodyOptional', { types: op.body.contentTypes.join(', ') })}
              </summary>
              <pre>{op.body.schema}</pre>
            </details>
          ) : null}
          <h3>{t('answers')}</h3>
          <ul>
            {op.responses.map((r) => (
              <li key={r.status}>
                <strong>{r.status}</strong> {r.description}
                {r.schema ? (
                  <>
                    {' '}
                    <code>{r.schema}</code>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
