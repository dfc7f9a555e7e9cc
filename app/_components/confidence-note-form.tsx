'use client';

import { useActionState } from 'react';
import { Field, fieldProps } from './field';
import { IDLE, type FormState } from '../_lib/form-state';
import { VERDICTS } from '@/lib/shared/vocabulary';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/** The form's words, in the reader's language; verdicts names each verdict by its code. */
export interface ConfidenceNoteLabels {
  confidence: string;
  verdict: string;
  unchanged: string;
  verdicts: Record<string, string>;
  reason: string;
  evidence: string;
  noEvidence: string;
  saving: string;
  submit: string;
}

export function ConfidenceNoteForm({ action, evidence, labels }: { action: Action; evidence: { id: string; label: string }[]; labels: ConfidenceNoteLabels }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="edit-form" key={state.seq}>
      {state.status === 'error' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <div className="field-row">
        <Field name="confidence" label={labels.confidence} error={errors.confidence}>
          <input {...fieldProps('confidence', errors.confidence)} inputMode="decimal" defaultValue={values.confidence ?? ''} size={8} />
        </Field>
        <Field name="verdict" label={labels.verdict} error={errors.verdict}>
          <select {...fieldProps('verdict', errors.verdict)} defaultValue={values.verdict ?? ''}>
            <option value="">{labels.unchanged}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {labels.verdicts[v] ?? v}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field name="reason" label={labels.reason} error={errors.reason}>
        <textarea {...fieldProps('reason', errors.reason)} rows={4} maxLength={5000} defaultValue={values.reason ?? ''} required />
      </Field>
      <fieldset>
        <legend>{labels.evidence}</legend>
        {errors.evidenceIds ? <p className="field-error">{errors.evidenceIds}</p> : null}
        {evidence.length === 0 ? <p className="meta">{labels.noEvidence}</p> : null}
        {evidence.map((e) => (
          <p key={e.id} className="choice">
            <input type="checkbox" id={`ev-${e.id}`} name="evidenceIds" value={e.id} />
            <label htmlFor={`ev-${e.id}`}>
              <code>{e.id}</code> {e.label}
            </label>
          </p>
        ))}
      </fieldset>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? labels.saving : labels.submit}
        </button>
      </p>
    </form>
  );
}
