'use client';

import Link from 'next/link';
import { useRef, useState, type FormEvent } from 'react';
import type { IntakeCandidateDto, IntakeResultDto } from '@/lib/intake/dto';

/**
 * The intake desk: the article goes to /api/intake, the ranked candidates come back as data
 * and are shown as text (React escapes it; nothing the article says is HTML or MDX here).
 * Ticked candidates are sent, with the same article, to /api/intake/drafts, which answers with
 * the draft records as a file to download; nothing is written on the server.
 */

type Problem = { message: string; field?: string } | null;

function formOf(form: HTMLFormElement, extra: Record<string, string | string[]> = {}): FormData {
  const data = new FormData(form);
  // An empty file input still sends an empty part: drop it so the text or URL is used.
  const file = data.get('file');
  if (file instanceof File && file.size === 0) data.delete('file');
  for (const [k, v] of Object.entries(extra)) for (const item of Array.isArray(v) ? v : [v]) data.append(k, item);
  return data;
}

async function problemOf(res: Response): Promise<Problem> {
  const data = (await res.json().catch(() => null)) as { error?: { message: string; field?: string } } | null;
  return { message: data?.error?.message ?? `The server answered ${res.status}.`, field: data?.error?.field };
}

function Candidate({ c, ticked, onTick }: { c: IntakeCandidateDto; ticked: boolean; onTick: (on: boolean) => void }) {
  return (
    <li className="intake-candidate" data-rank={c.rank}>
      <label className="intake-tick">
        <input type="checkbox" checked={ticked} onChange={(e) => onTick(e.currentTarget.checked)} aria-label={`Keep candidate ${c.rank}`} />{' '}
        <strong>
          {c.rank}. score {c.score}
        </strong>
      </label>
      <ul className="intake-passages">
        {c.passages.map((p) => (
          <li key={p.index}>
            <span className="meta">{p.locator}:</span> {p.text}
          </li>
        ))}
      </ul>
      <p className="meta intake-features">
        {c.features.map((f) => (
          <span key={f.key} className={f.weight < 0 ? 'intake-feature intake-feature-minus' : 'intake-feature'} title={f.matches.join(', ')}>
            {f.label} {f.weight > 0 ? '+' : ''}
            {f.weight}
            {f.matches.length && f.key !== 'headline' ? ` (${f.matches.slice(0, 3).join(', ')})` : ''}
          </span>
        ))}
      </p>
      {c.matches.length ? (
        <p className="intake-match">
          Already in the ledger:{' '}
          {c.matches.map((m, i) => (
            <span key={m.claimId}>
              {i ? ', ' : ''}
              <Link href={`/claims/${encodeURIComponent(m.claimId)}`}>{m.claimId}</Link> <span className="meta">({m.similarity})</span>
            </span>
          ))}
        </p>
      ) : (
        <p className="intake-new meta">New: not in the ledger.</p>
      )}
    </li>
  );
}

export function IntakeWorkbench() {
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [result, setResult] = useState<IntakeResultDto | null>(null);
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const [downloaded, setDownloaded] = useState<string | null>(null);

  async function onAnalyse(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setDownloaded(null);
    try {
      const res = await fetch('/api/intake', { method: 'POST', body: formOf(event.currentTarget), credentials: 'same-origin' });
      if (!res.ok) {
        setProblem(await problemOf(res));
        setResult(null);
        return;
      }
      const data = (await res.json()) as IntakeResultDto;
      setResult(data);
      // Candidates the ledger does not hold yet, with a positive score, start ticked.
      setTicked(new Set(data.candidates.filter((c) => c.score > 0 && c.matches.length === 0).map((c) => c.rank)));
    } catch {
      setProblem({ message: 'The request did not reach the server: try again.' });
    } finally {
      setBusy(false);
    }
  }

  async function onDownload() {
    if (!formRef.current) return;
    setBusy(true);
    setProblem(null);
    try {
      const body = formOf(formRef.current, { rank: [...ticked].sort((a, b) => a - b).map(String) });
      const res = await fetch('/api/intake/drafts', { method: 'POST', body, credentials: 'same-origin' });
      if (!res.ok) {
        setProblem(await problemOf(res));
        return;
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'drafts';
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDownloaded(name);
    } catch {
      setProblem({ message: 'The request did not reach the server: try again.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="intake">
      <form ref={formRef} onSubmit={onAnalyse} className="edit-form" aria-label="Article">
        <div className="field">
          <label htmlFor="intake-text">Article text (paste it)</label>
          <textarea id="intake-text" name="text" rows={10} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="intake-file">or a file: text, HTML or Markdown (at most 2 MB)</label>
            <input id="intake-file" name="file" type="file" accept=".txt,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown" />
          </div>
          <div className="field">
            <label htmlFor="intake-url">or its URL (fetched by the server’s safe fetcher)</label>
            <input id="intake-url" name="url" type="url" placeholder="https://" />
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="intake-lang">Language (empty: detected)</label>
            <input id="intake-lang" name="lang" size={8} placeholder="zh-Hant" />
          </div>
          <div className="field">
            <label htmlFor="intake-top">Candidates shown</label>
            <input id="intake-top" name="top" type="number" min={1} max={100} defaultValue={30} />
          </div>
          <div className="field">
            <label htmlFor="intake-source">Source record of the article (for drafts)</label>
            <input id="intake-source" name="source" placeholder="gangge-matters-ai-bubble" />
          </div>
        </div>
        <p>
          <button type="submit" disabled={busy}>
            Rank sentences
          </button>
        </p>
      </form>
      {problem ? (
        <p className="form-error" role="alert">
          {problem.field ? `${problem.field}: ` : ''}
          {problem.message}
        </p>
      ) : null}
      {result ? (
        <section aria-label="Candidates">
          <h2>
            {result.candidates.length} of {result.candidateCount} candidates{' '}
            <span className="count">
              ({result.sentenceCount} sentences, language {result.lang}
              {result.langDetected ? ', detected' : ''})
            </span>
          </h2>
          <ol className="intake-candidates">
            {result.candidates.map((c) => (
              <Candidate
                key={c.rank}
                c={c}
                ticked={ticked.has(c.rank)}
                onTick={(on) =>
                  setTicked((prev) => {
                    const next = new Set(prev);
                    if (on) next.add(c.rank);
                    else next.delete(c.rank);
                    return next;
                  })
                }
              />
            ))}
          </ol>
          <p>
            <button type="button" onClick={onDownload} disabled={busy || ticked.size === 0}>
              Download {ticked.size} draft{ticked.size === 1 ? '' : 's'}
            </button>{' '}
            <span className="meta">One .mdx file, or a .zip for several. Put them in claims/, finish them, then set status: published.</span>
          </p>
          {downloaded ? (
            <p className="form-ok" role="status">
              Downloaded {downloaded}.
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
