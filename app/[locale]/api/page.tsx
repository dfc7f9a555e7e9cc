import type { Metadata } from 'next';
import { getOpenApiDocument } from '@/app/api/_lib/operations';
import { describeOpenApi } from '@/lib/http/openapi-reference';

export const metadata: Metadata = {
  title: 'API reference',
  description: 'The Claim Ledger JSON API: every operation, its parameters, body and answers, from the OpenAPI document at /api/openapi.json.',
};

// The document is built from the route declarations alone (no store data): one static page.
export const dynamic = 'force-static';

export default function ApiReferencePage() {
  const reference = describeOpenApi(getOpenApiDocument());
  return (
    <article className="api-reference">
      <h1>API reference</h1>
      <p className="lede">{reference.description}</p>
      <p>
        The machine-readable description is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI {reference.openapi}). Errors always have the shape{' '}
        <code>{'{ "error": { "code", "message", "field"? } }'}</code>.
      </p>
      <nav aria-label="Operations">
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
          <p className="meta">Who may call it: {op.access}</p>
          {op.parameters.length > 0 ? (
            <div className="table-wrap">
              <table className="scale-table">
                <caption className="visually-hidden">Parameters</caption>
                <thead>
                  <tr>
                    <th scope="col">Parameter</th>
                    <th scope="col">In</th>
                    <th scope="col">Schema</th>
                    <th scope="col">About</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={`${p.in}:${p.name}`}>
                      <td>
                        <code>{p.name}</code>
                        {p.required ? ' (required)' : ''}
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
                Request body ({op.body.required ? 'required' : 'optional'}): {op.body.contentTypes.join(', ')}
              </summary>
              <pre>{op.body.schema}</pre>
            </details>
          ) : null}
          <h3>Answers</h3>
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
