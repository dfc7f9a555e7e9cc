'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { fieldProps } from './field';
import { fill } from './fill-labels';
import type { SourceOption } from '@/lib/sources/options';

/** The picker's words; chosen, matches* and noMatch are templates ({title}, {count}, {query}). */
export interface SourcePickerLabels {
  placeholder: string;
  chosen: string;
  matchesOne: string;
  matchesOther: string;
  noMatch: string;
  suggestions: string;
}

/**
 * The source of an evidence entry, by id. Without JavaScript it is a plain text input with the
 * claim's own and the most used sources offered as suggestions (a datalist: the page never widens
 * with long titles, as a select does). With it, typing searches the whole ledger through the
 * search index (/api/search?kind=source), and the chosen source's title is shown beside the id.
 */
export function SourcePicker({
  sources,
  value,
  error,
  extra,
  labels,
}: {
  sources: SourceOption[];
  labels: SourcePickerLabels;
  value: string;
  error?: string;
  extra?: { id: string; title: string } | null;
}) {
  const listId = useId();
  const initial = extra && !sources.some((s) => s.id === extra.id) ? [{ id: extra.id, title: extra.title, publisher: null, published: null }, ...sources] : sources;
  const [options, setOptions] = useState<SourceOption[]>(initial);
  const [text, setText] = useState(value);
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const known = useRef(new Map(initial.map((s) => [s.id, s])));

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function search(q: string) {
    if (timer.current) clearTimeout(timer.current);
    const query = q.trim();
    if (query.length < 2 || known.current.has(query)) return;
    timer.current = setTimeout(async () => {
      try {
        const res = await fetch(`/api/search?kind=source&limit=12&q=${encodeURIComponent(query)}`, { credentials: 'same-origin' });
        if (!res.ok) return;
        const body = (await res.json()) as { groups?: { source?: { hits?: { id: string; title: string }[] } } };
        const hits = body.groups?.source?.hits ?? [];
        for (const h of hits) if (!known.current.has(h.id)) known.current.set(h.id, { id: h.id, title: h.title, publisher: null, published: null });
        const found = hits.map((h) => known.current.get(h.id)!);
        setOptions([...found, ...initial.filter((s) => !found.some((f) => f.id === s.id))]);
        setStatus(hits.length ? fill(hits.length === 1 ? labels.matchesOne : labels.matchesOther, { count: hits.length }) : fill(labels.noMatch, { query }));
      } catch {
        // The suggestions are a convenience: the typed id is still checked by the server.
      }
    }, 200);
  }

  const chosen = options.find((s) => s.id === text.trim());
  const props = fieldProps('sourceId', error);
  return (
    <>
      <input
        {...props}
        list={listId}
        value={text}
        autoComplete="off"
        spellCheck={false}
        placeholder={labels.placeholder}
        aria-describedby={[props['aria-describedby'], 'hint-sourceId-picker'].filter(Boolean).join(' ')}
        onChange={(e) => {
          setText(e.target.value);
          search(e.target.value);
        }}
      />
      <datalist id={listId}>
        {options.map((s) => (
          <option key={s.id} value={s.id} label={[s.title, s.publisher, s.published].filter(Boolean).join(' — ')} />
        ))}
      </datalist>
      <p className="hint" id="hint-sourceId-picker" aria-live="polite">
        {chosen ? fill(labels.chosen, { title: chosen.title }) : status || labels.suggestions}
      </p>
    </>
  );
}
