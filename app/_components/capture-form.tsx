'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { fill } from './fill-labels';

type Result = { kind: 'ok'; message: string } | { kind: 'error'; message: string } | null;

interface Added {
  capture: { seq: number; capturedAt: string };
  quotes: { byStatus: Record<string, number> };
}

/** The form's words, in the reader's language (app/_lib/form-labels.ts); added and serverAnswered are templates. */
export interface CaptureFormLabels {
  added: string;
  serverAnswered: string;
  unreachable: string;
  chooseFile: string;
  heading: string;
  file: string;
  upload: string;
  fetch: string;
  fetchHelp: string;
}

function describe(added: Added, template: string): string {
  const s = added.quotes.byStatus;
  return fill(template, {
    seq: added.capture.seq,
    date: added.capture.capturedAt.slice(0, 10),
    verified: s.verified ?? 0,
    moved: s.moved ?? 0,
    fuzzy: s.fuzzy ?? 0,
    orphan: s.orphan ?? 0,
  });
}

/** Adds an archived copy (a file, or the source URL fetched by the server) as a new version. */
export function CaptureForm({ sourceId, canFetch, labels }: { sourceId: string; canFetch: boolean; labels: CaptureFormLabels }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);

  async function send(body: FormData | string, headers: Record<string, string> = {}) {
    setBusy(true);
    setResult(null);
    try {
      const res = await fetch(`/api/sources/${encodeURIComponent(sourceId)}/captures`, { method: 'POST', body, headers, credentials: 'same-origin' });
      const data = (await res.json().catch(() => null)) as (Added & { error?: { message: string } }) | null;
      if (!res.ok || !data || data.error) setResult({ kind: 'error', message: data?.error?.message ?? fill(labels.serverAnswered, { status: res.status }) });
      else {
        setResult({ kind: 'ok', message: describe(data, labels.added) });
        router.refresh();
      }
    } catch {
      setResult({ kind: 'error', message: labels.unreachable });
    } finally {
      setBusy(false);
    }
  }

  function onUpload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setResult({ kind: 'error', message: labels.chooseFile });
      return;
    }
    void send(form);
  }

  return (
    <div className="capture-form">
      <h3>{labels.heading}</h3>
      <form onSubmit={onUpload}>
        <label htmlFor="capture-file">{labels.file}</label>{' '}
        <input id="capture-file" name="file" type="file" accept=".html,.htm,.xhtml,.txt,.pdf,text/html,text/plain,application/pdf,application/xhtml+xml" />{' '}
        <button type="submit" disabled={busy}>
          {labels.upload}
        </button>
      </form>
      {canFetch ? (
        <p>
          <button type="button" disabled={busy} onClick={() => void send(JSON.stringify({ fetch: true }), { 'Content-Type': 'application/json' })}>
            {labels.fetch}
          </button>{' '}
          <span className="meta">{labels.fetchHelp}</span>
        </p>
      ) : null}
      {result ? (
        <p className={result.kind === 'ok' ? 'form-ok' : 'form-error'} role={result.kind === 'ok' ? 'status' : 'alert'}>
          {result.message}
        </p>
      ) : null}
    </div>
  );
}
