'use client';

import { useActionState } from 'react';
import { Field, fieldProps } from './field';
import { IDLE, type FormState } from '../_lib/form-state';
import { LIMITS } from '@/lib/evidence/limits';
import type { SourceOption } from '@/lib/sources/options';
import { RELIABILITY_GRADES, SOURCE_TYPES } from '@/lib/shared/vocabulary';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

const SHOWN = ['title', 'url', 'publisher', 'publishedAt', 'type', 'lang', 'reliability', 'reliabilityReason', 'copies', 'cites'];

export function EditSourceForm({ action, initial, revision }: { action: Action; initial: Record<string, string>; revision: number }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const current = state.current ?? null;
  const copiesError = Object.entries(errors).find(([k]) => k.startsWith('copies'))?.[1];
  const authorsError = Object.entries(errors).find(([k]) => k.startsWith('authors'))?.[1];
  const citesErrorEntry = Object.entries(errors).find(([k]) => k.startsWith('cites'));
  const citesLine = citesErrorEntry ? /^cites\[(\d+)\]/.exec(citesErrorEntry[0]) : null;
  const citesError = citesErrorEntry ? `${citesLine ? `line ${Number(citesLine[1]) + 1}: ` : ''}${citesErrorEntry[1]}` : undefined;
  return (
    <form action={formAction} className="edit-form" key={state.seq}>
      {state.status === 'error' && !current ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {current ? (
        <div className="notice conflict" role="alert">
          <p>
            <strong>This source changed since you opened it</strong>: it is now at revision {String(current.revision)}. Nothing was saved. The current
            version:
          </p>
          <dl className="changes">
            {SHOWN.filter((f) => current[f] !== null && current[f] !== undefined && current[f] !== '').map((f) => (
              <div className="change" key={f}>
                <dt>{f}</dt>
                <dd>{typeof current[f] === 'object' ? JSON.stringify(current[f]) : String(current[f])}</dd>
              </div>
            ))}
          </dl>
          <p>Your edits are still in the form. Submitting again saves yours over it.</p>
        </div>
      ) : null}
      <input type="hidden" name="revision" value={current && typeof current.revision === 'number' ? current.revision : Number(state.values?.revision ?? revision)} />
      <Field name="title" label="Title" error={errors.title}>
        <input {...fieldProps('title', errors.title)} maxLength={LIMITS.title} defaultValue={values.title ?? ''} required />
      </Field>
      <Field name="url" label="Original URL (http or https; copies go below)" error={errors.url}>
        <input {...fieldProps('url', errors.url)} type="url" maxLength={LIMITS.url} defaultValue={values.url ?? ''} />
      </Field>
      <div className="field-row">
        <Field name="publisher" label="Publisher" error={errors.publisher}>
          <input {...fieldProps('publisher', errors.publisher)} maxLength={LIMITS.publisher} defaultValue={values.publisher ?? ''} />
        </Field>
        <Field name="publishedAt" label="Published (YYYY[-MM[-DD]])" error={errors.publishedAt}>
          <input {...fieldProps('publishedAt', errors.publishedAt)} defaultValue={values.publishedAt ?? ''} size={12} />
        </Field>
        <Field name="type" label="Type" error={errors.type}>
          <select {...fieldProps('type', errors.type)} defaultValue={values.type ?? 'news'}>
            {SOURCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </Field>
        <Field name="lang" label="Language" error={errors.lang}>
          <input {...fieldProps('lang', errors.lang)} defaultValue={values.lang ?? 'en'} size={8} required />
        </Field>
      </div>
      <Field name="authors" label="Authors (one per line)" error={authorsError}>
        <textarea {...fieldProps('authors', authorsError)} rows={2} defaultValue={values.authors ?? ''} />
      </Field>
      <div className="field-row">
        <Field name="reliability" label="Reliability grade" error={errors.reliability}>
          <select {...fieldProps('reliability', errors.reliability)} defaultValue={values.reliability ?? 'U'}>
            {RELIABILITY_GRADES.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </Field>
        <p className="choice">
          <input type="checkbox" id="f-verified" name="verified" defaultChecked={values.verified === 'on'} />
          <label htmlFor="f-verified">Text read and verified</label>
        </p>
      </div>
      <Field name="reliabilityReason" label="Reason for the grade" error={errors.reliabilityReason}>
        <textarea {...fieldProps('reliabilityReason', errors.reliabilityReason)} rows={2} maxLength={2000} defaultValue={values.reliabilityReason ?? ''} required />
      </Field>
      <Field name="copies" label="Archived copies, one per line: archive|mirror|repost URL [note]" error={copiesError}>
        <textarea {...fieldProps('copies', copiesError)} rows={3} defaultValue={values.copies ?? ''} />
      </Field>
      <Field
        name="cites"
        label="What it cites, one per line: source-id stated|inferred | where in the text | who inferred it | why (an inferred link says why)"
        error={citesError}
      >
        <textarea {...fieldProps('cites', citesError)} rows={3} defaultValue={values.cites ?? ''} placeholder="census-btos stated | chart note" />
      </Field>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save source'}
        </button>
      </p>
    </form>
  );
}

export function MergeSourceForm({ action, sources }: { action: Action; sources: SourceOption[] }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="edit-form" key={state.seq}>
      {state.status === 'error' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <Field name="into" label="The same document as (the id of the source to keep)" error={errors.into}>
        {/* Any source id may be typed; the list suggests the most used ones, never the whole ledger. */}
        <input {...fieldProps('into', errors.into)} list="merge-targets" defaultValue={state.values?.into ?? ''} required maxLength={120} autoComplete="off" />
        <datalist id="merge-targets">
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </datalist>
      </Field>
      <Field name="reason" label="Why they are the same" error={errors.reason}>
        <textarea {...fieldProps('reason', errors.reason)} rows={2} maxLength={5000} defaultValue={state.values?.reason ?? ''} required />
      </Field>
      <p>
        <button type="submit" disabled={pending} className="danger">
          Merge into the chosen source
        </button>
      </p>
    </form>
  );
}
