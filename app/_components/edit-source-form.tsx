'use client';

import { useActionState } from 'react';
import { Field, fieldProps } from './field';
import { fill, rich } from './fill-labels';
import { IDLE, type FormState } from '../_lib/form-state';
import { LIMITS } from '@/lib/evidence/limits';
import type { SourceOption } from '@/lib/sources/options';
import { RELIABILITY_GRADES, SOURCE_TYPES } from '@/lib/shared/vocabulary';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

const SHOWN = ['title', 'url', 'publisher', 'publishedAt', 'type', 'lang', 'reliability', 'reliabilityReason', 'copies', 'cites'];

/** The form's words, in the reader's language (the edit page translates them); conflict has {revision} and <strong>, citesLine {n}. */
export interface EditSourceLabels {
  conflict: string;
  conflictAfter: string;
  title: string;
  url: string;
  publisher: string;
  published: string;
  type: string;
  /** Each source type's name, by its code. */
  types: Record<string, string>;
  lang: string;
  authors: string;
  reliability: string;
  verified: string;
  reliabilityReason: string;
  copies: string;
  cites: string;
  citesLine: string;
  saving: string;
  save: string;
}

export interface MergeSourceLabels {
  into: string;
  reason: string;
  submit: string;
}

export function EditSourceForm({ action, initial, revision, labels }: { action: Action; initial: Record<string, string>; revision: number; labels: EditSourceLabels }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const current = state.current ?? null;
  const copiesError = Object.entries(errors).find(([k]) => k.startsWith('copies'))?.[1];
  const authorsError = Object.entries(errors).find(([k]) => k.startsWith('authors'))?.[1];
  const citesErrorEntry = Object.entries(errors).find(([k]) => k.startsWith('cites'));
  const citesLine = citesErrorEntry ? /^cites\[(\d+)\]/.exec(citesErrorEntry[0]) : null;
  const citesError = citesErrorEntry ? `${citesLine ? fill(labels.citesLine, { n: Number(citesLine[1]) + 1 }) : ''}${citesErrorEntry[1]}` : undefined;
  return (
    <form action={formAction} className="edit-form" key={state.seq}>
      {state.status === 'error' && !current ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {current ? (
        <div className="notice conflict" role="alert">
          <p>{rich(labels.conflict, { strong: (chunk) => <strong>{chunk}</strong> }, { revision: String(current.revision) })}</p>
          <dl className="changes">
            {SHOWN.filter((f) => current[f] !== null && current[f] !== undefined && current[f] !== '').map((f) => (
              <div className="change" key={f}>
                <dt>{f}</dt>
                <dd>{typeof current[f] === 'object' ? JSON.stringify(current[f]) : String(current[f])}</dd>
              </div>
            ))}
          </dl>
          <p>{labels.conflictAfter}</p>
        </div>
      ) : null}
      <input type="hidden" name="revision" value={current && typeof current.revision === 'number' ? current.revision : Number(state.values?.revision ?? revision)} />
      <Field name="title" label={labels.title} error={errors.title}>
        <input {...fieldProps('title', errors.title)} maxLength={LIMITS.title} defaultValue={values.title ?? ''} required />
      </Field>
      <Field name="url" label={labels.url} error={errors.url}>
        <input {...fieldProps('url', errors.url)} type="url" maxLength={LIMITS.url} defaultValue={values.url ?? ''} />
      </Field>
      <div className="field-row">
        <Field name="publisher" label={labels.publisher} error={errors.publisher}>
          <input {...fieldProps('publisher', errors.publisher)} maxLength={LIMITS.publisher} defaultValue={values.publisher ?? ''} />
        </Field>
        <Field name="publishedAt" label={labels.published} error={errors.publishedAt}>
          <input {...fieldProps('publishedAt', errors.publishedAt)} defaultValue={values.publishedAt ?? ''} size={12} />
        </Field>
        <Field name="type" label={labels.type} error={errors.type}>
          <select {...fieldProps('type', errors.type)} defaultValue={values.type ?? 'news'}>
            {SOURCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {labels.types[t] ?? t}
              </option>
            ))}
          </select>
        </Field>
        <Field name="lang" label={labels.lang} error={errors.lang}>
          <input {...fieldProps('lang', errors.lang)} defaultValue={values.lang ?? 'en'} size={8} required />
        </Field>
      </div>
      <Field name="authors" label={labels.authors} error={authorsError}>
        <textarea {...fieldProps('authors', authorsError)} rows={2} defaultValue={values.authors ?? ''} />
      </Field>
      <div className="field-row">
        <Field name="reliability" label={labels.reliability} error={errors.reliability}>
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
          <label htmlFor="f-verified">{labels.verified}</label>
        </p>
      </div>
      <Field name="reliabilityReason" label={labels.reliabilityReason} error={errors.reliabilityReason}>
        <textarea {...fieldProps('reliabilityReason', errors.reliabilityReason)} rows={2} maxLength={2000} defaultValue={values.reliabilityReason ?? ''} required />
      </Field>
      <Field name="copies" label={labels.copies} error={copiesError}>
        <textarea {...fieldProps('copies', copiesError)} rows={3} defaultValue={values.copies ?? ''} />
      </Field>
      <Field name="cites" label={labels.cites} error={citesError}>
        <textarea {...fieldProps('cites', citesError)} rows={3} defaultValue={values.cites ?? ''} placeholder="census-btos stated | chart note" />
      </Field>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? labels.saving : labels.save}
        </button>
      </p>
    </form>
  );
}

export function MergeSourceForm({ action, sources, labels }: { action: Action; sources: SourceOption[]; labels: MergeSourceLabels }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="edit-form" key={state.seq}>
      {state.status === 'error' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <Field name="into" label={labels.into} error={errors.into}>
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
      <Field name="reason" label={labels.reason} error={errors.reason}>
        <textarea {...fieldProps('reason', errors.reason)} rows={2} maxLength={5000} defaultValue={state.values?.reason ?? ''} required />
      </Field>
      <p>
        <button type="submit" disabled={pending} className="danger">
          {labels.submit}
        </button>
      </p>
    </form>
  );
}
