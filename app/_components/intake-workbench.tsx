'use client';

import Link from 'next/link';
import { useRef, useState, type FormEvent } from 'react';
import type { IntakeCandidateDto, IntakeResultDto } from '@/lib/intake/dto';
import { fill } from './fill-labels';

/**
 * The intake desk: the article goes to /api/intake, the ranked candidates come back as data
 * and are shown as text (React escapes it; nothing the article says is HTML or MDX here).
 * Ticked candidates are sent, with the same article, to /api/intake/drafts, which answers with
 * the draft records as a file to download; nothing is written on the server.
 */

type Problem = { message: string; field?: string } | null;

/** The desk's words, in the reader's language (the intake page translates them); templates are filled here. */
export interface IntakeLabels {
  serverAnswered: string;
  unreachable: string;
  keep: string;
  score: string;
  already: string;
  new: string;
  form: string;
  text: string;
  file: string;
  url: string;
  lang: string;
  top: string;
  source: string;
  rank: string;
  candidates: string;
  heading: string;
  counts: string;
  detected: string;
  downloadOne: string;
  downloadOther: string;
  downloadHelp: string;
  downloaded: string;
  /** Each ranking feature's name, by its key (the DTO's own label is the English one). */
  features: Record<string, string>;
}

function formOf(form: HTMLFormElement, extra: Record<string, string | string[]> = {}): FormData {
  const data = new FormData(form);
  // An empty file input still sends an empty part: drop it so the text or URL is used.
  const file = data.get('file');
  if (file instanceof File && file.size === 0) data.delete('file');
  for (const [k, v] of Object.entries(extra)) for (const item of Array.isArray(v) ? v : [v]) data.append(k, item);
  return data;
}

async function problemOf(res: Response, labels: IntakeLabels): Promise<Problem> {
  const data = (await res.json().catch(() => null)) as { error?: { message: string; field?: string } } | null;
  return { message: data?.error?.message ?? fill(labels.serverAnswered, { status: res.status }), field: data?.error?.field };
}

function Candidate({ c, ticked, onTick, labels }: { c: IntakeCandidateDto; ticked: boolean; onTick: (on: boolean) => void; labels: IntakeLabels }) {
  return (
    <li className="intake-candidate" data-rank={c.rank}>
      <label className="intake-tick">
        <input type="checkbox" checked={ticked} onChange={(e) => onTick(e.currentTarget.checked)} aria-label={fill(labels.keep, { rank: c.rank })} />{' '}
        <strong>{fill(labels.score, { rank: c.rank, score: c.score })}</strong>
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
            {labels.features[f.key] ?? f.label} {f.weight > 0 ? '+' : ''}
            {f.weight}
            {f.matches.length && f.key !== 'headline' ? ` (${f.matches.slice(0, 3).join(', ')})` : ''}
          </span>
        ))}
      </p>
      {c.matches.length ? (
        <p className="intake-match">
          {labels.already}{' '}
          {c.matches.map((m, i) => (
            <span key={m.claimId}>
              {i ? ', ' : ''}
              <Link href={`/claims/${encodeURIComponent(m.claimId)}`}>{m.claimId}</Link> <span className="meta">({m.similarity})</span>
            </span>
          ))}
        </p>
      ) : (
        <p className="intake-new meta">{labels.new}</p>
      )}
    </li>
  );
}

export function IntakeWorkbench({ labels }: { labels: IntakeLabels }) {
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
        setProblem(await problemOf(res, labels));
        setResult(null);
        return;
      }
      const data = (await res.json()) as IntakeResultDto;
      setResult(data);
      // Candidates the ledger does not hold yet, with a positive score, start ticked.
      setTicked(new Set(data.candidates.filter((c) => c.score > 0 && c.matches.length === 0).map((c) => c.rank)));
    } catch {
      setProblem({ message: labels.unreachable });
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
        setProblem(await problemOf(res, labels));
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
      setProblem({ message: labels.unreachable });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="intake">
      <form ref={formRef} onSubmit={onAnalyse} className="edit-form" aria-label={labels.form}>
        <div className="field">
          <label htmlFor="intake-text">{labels.text}</label>
          <textarea id="intake-text" name="text" rows={10} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="intake-file">{labels.file}</label>
            <input id="intake-file" name="file" type="file" accept=".txt,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown" />
          </div>
          <div className="field">
            <label htmlFor="intake-url">{labels.url}</label>
            <input id="intake-url" name="url" type="url" placeholder="https://" />
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="intake-lang">{labels.lang}</label>
            <input id="intake-lang" name="lang" size={8} placeholder="zh-Hant" />
          </div>
          <div className="field">
            <label htmlFor="intake-top">{labels.top}</label>
            <input id="intake-top" name="top" type="number" min={1} max={100} defaultValue={30} />
          </div>
          <div className="field">
            <label htmlFor="intake-source">{labels.source}</label>
            <input id="intake-source" name="source" placeholder="gangge-matters-ai-bubble" />
          </div>
        </div>
        <p>
          <button type="submit" disabled={busy}>
            {labels.rank}
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
        <section aria-label={labels.candidates}>
          <h2>
            {fill(labels.heading, { shown: result.candidates.length, total: result.candidateCount })}{' '}
            <span className="count">
              {fill(labels.counts, { sentences: result.sentenceCount, lang: result.lang, detected: result.langDetected ? labels.detected : '' })}
            </span>
          </h2>
          <ol className="intake-candidates">
            {result.candidates.map((c) => (
              <Candidate
                key={c.rank}
                c={c}
                ticked={ticked.has(c.rank)}
                labels={labels}
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
              {fill(ticked.size === 1 ? labels.downloadOne : labels.downloadOther, { count: ticked.size })}
            </button>{' '}
            <span className="meta">{labels.downloadHelp}</span>
          </p>
          {downloaded ? (
            <p className="form-ok" role="status">
              {fill(labels.downloaded, { name: downloaded })}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
