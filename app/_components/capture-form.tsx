'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

type Result = { kind: 'ok'; message: string } | { kind: 'error'; message: string } | null;

interface Added {
  capture: { seq: number; capturedAt: string };
  quotes: { byStatus: Record<string, number> };
}

function describe(added: Added): string {
  const s = added.quotes.byStatus;
  return `Copy ${added.capture.seq} archived on ${added.capture.capturedAt.slice(0, 10)}. Quotes from this source: ${s.verified ?? 0} verified, ${s.moved ?? 0} moved, ${s.fuzzy ?? 0} approximate, ${s.orphan ?? 0} not found.`;
}

/** Adds an archived copy (a file, or the source URL fetched by the server) as a new version. */
export function CaptureForm({ sourceId, canFetch }: { sourceId: string; canFetch: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);

  async function send(body: FormData | string, headers: Record<string, string> = {}) {
    setBusy(true);
    setResult(null);
    try {
      const res = await fetch(`/api/sources/${encodeURIComponent(sourceId)}/captures`, { method: 'POST', body, headers, credentials: 'same-origin' });
      const data = (await res.json().catch(() => null)) as (Added & { error?: { message: string } }) | null;
      if (!res.ok || !data || data.error) setResult({ kind: 'error', message: data?.error?.message ?? `The server answered ${res.status}.` });
      else {
        setResult({ kind: 'ok', message: describe(data) });
        router.refresh();
      }
    } catch {
      setResult({ kind: 'error', message: 'The request did not reach the server: try again.' });
    } finally {
      setBusy(false);
    }
  }

  function onUpload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setResult({ kind: 'error', message: 'Choose a file: HTML, plain text or PDF, at most 10 MB.' });
      return;
    }
    void send(form);
  }

  return (
    <div className="capture-form">
      <h3>Add an archived copy</h3>
      <form onSubmit={onUpload}>
        <label htmlFor="capture-file">File (HTML, plain text or PDF, at most 10 MB)</label>{' '}
        <input id="capture-file" name="file" type="file" accept=".html,.htm,.xhtml,.txt,.pdf,text/html,text/plain,application/pdf,application/xhtml+xml" />{' '}
        <button type="submit" disabled={busy}>
          Upload copy
        </button>
      </form>
      {canFetch ? (
        <p>
          <button type="button" disabled={busy} onClick={() => void send(JSON.stringify({ fetch: true }), { 'Content-Type': 'application/json' })}>
            Fetch a copy from the source URL
          </button>{' '}
          <span className="meta">The server fetches public addresses only.</span>
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
