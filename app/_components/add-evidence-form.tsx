'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { EvidenceFields, type EvidenceFieldsLabels } from './evidence-fields';
import { rich } from './fill-labels';
import { SourcePicker, type SourcePickerLabels } from './source-picker';
import { Field, fieldProps } from './field';
import { IDLE, type FormState } from '../_lib/form-state';
import { LIMITS } from '@/lib/evidence/limits';
import type { SourceOption } from '@/lib/sources/options';
import { SOURCE_TYPES } from '@/lib/shared/vocabulary';

/** The form's words, in the reader's language (app/_lib/form-labels.ts); duplicate has {title} in a <link>. */
export interface AddEvidenceLabels {
  seeNew: string;
  duplicate: string;
  sourceLegend: string;
  existing: string;
  source: string;
  new: string;
  url: string;
  title: string;
  publisher: string;
  published: string;
  type: string;
  /** Each source type's name, by its code. */
  types: Record<string, string>;
  submitting: string;
  submit: string;
  picker: SourcePickerLabels;
  fields: EvidenceFieldsLabels;
}

/**
 * The "Add evidence" form. A plain form posting to a server action: it works before (or
 * without) JavaScript; with it, the page refreshes in place after a successful submission.
 */
export function AddEvidenceForm({
  action,
  sources,
  labels,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  sources: SourceOption[];
  labels: AddEvidenceLabels;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const router = useRouter();
  useEffect(() => {
    if (state.status === 'ok') router.refresh();
  }, [state, router]);

  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const errors = state.fieldErrors ?? {};
  // A duplicate source: offer the existing one, already chosen, for the next submission.
  const duplicate = state.duplicate ?? null;
  const sourceMode = duplicate ? 'existing' : (values.sourceMode ?? 'existing');
  const sourceId = duplicate ? duplicate.id : (values.sourceId ?? '');

  return (
    <form action={formAction} className="edit-form" key={state.seq} aria-describedby="evidence-form-status">
      <div id="evidence-form-status" aria-live="polite">
        {state.status === 'ok' ? (
          <p className="form-ok" role="status">
            {state.message}{' '}
            {state.resultHref ? (
              <a href={state.resultHref} className="result-link">
                {labels.seeNew}
              </a>
            ) : null}
          </p>
        ) : null}
        {state.status === 'error' ? (
          <p className="form-error" role="alert">
            {state.message}
          </p>
        ) : null}
        {duplicate ? (
          <p className="notice" role="note">
            {rich(labels.duplicate, { link: (chunk) => <a href={`/sources/${duplicate.id}`}>{chunk}</a> }, { title: duplicate.title })}
          </p>
        ) : null}
      </div>

      <fieldset>
        <legend>{labels.sourceLegend}</legend>
        <p className="choice">
          <input type="radio" id="sourceMode-existing" name="sourceMode" value="existing" defaultChecked={sourceMode === 'existing'} />
          <label htmlFor="sourceMode-existing">{labels.existing}</label>
        </p>
        <Field name="sourceId" label={labels.source} error={errors.sourceId}>
          <SourcePicker sources={sources} value={sourceId} error={errors.sourceId} extra={duplicate} labels={labels.picker} />
        </Field>
        <p className="choice">
          <input type="radio" id="sourceMode-new" name="sourceMode" value="new" defaultChecked={sourceMode === 'new'} />
          <label htmlFor="sourceMode-new">{labels.new}</label>
        </p>
        <div className="field-group">
          <Field name="source.url" label={labels.url} error={errors['source.url']}>
            <input {...fieldProps('source.url', errors['source.url'])} type="url" maxLength={LIMITS.url} defaultValue={values['source.url'] ?? ''} />
          </Field>
          <Field name="source.title" label={labels.title} error={errors['source.title']}>
            <input {...fieldProps('source.title', errors['source.title'])} maxLength={LIMITS.title} defaultValue={values['source.title'] ?? ''} />
          </Field>
          <div className="field-row">
            <Field name="source.publisher" label={labels.publisher} error={errors['source.publisher']}>
              <input {...fieldProps('source.publisher', errors['source.publisher'])} maxLength={LIMITS.publisher} defaultValue={values['source.publisher'] ?? ''} />
            </Field>
            <Field name="source.publishedAt" label={labels.published} error={errors['source.publishedAt']}>
              <input {...fieldProps('source.publishedAt', errors['source.publishedAt'])} defaultValue={values['source.publishedAt'] ?? ''} size={12} />
            </Field>
            <Field name="source.type" label={labels.type} error={errors['source.type']}>
              <select {...fieldProps('source.type', errors['source.type'])} defaultValue={values['source.type'] ?? 'news'}>
                {SOURCE_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {labels.types[t] ?? t}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </div>
      </fieldset>

      <EvidenceFields values={values} errors={errors} labels={labels.fields} />

      <p>
        <button type="submit" disabled={pending}>
          {pending ? labels.submitting : labels.submit}
        </button>
      </p>
    </form>
  );
}
