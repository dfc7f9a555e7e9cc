'use client';

import { useActionState } from 'react';
import { Field, fieldProps } from './field';
import { IDLE, type FormState } from '../_lib/form-state';
import { VERDICTS } from '@/lib/shared/vocabulary';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export function ConfidenceNoteForm({ action, evidence }: { action: Action; evidence: { id: string; label: string }[] }) {
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
        <Field name="confidence" label="Confidence (0 to 1)" error={errors.confidence}>
          <input {...fieldProps('confidence', errors.confidence)} inputMode="decimal" defaultValue={values.confidence ?? ''} size={8} />
        </Field>
        <Field name="verdict" label="Verdict (optional)" error={errors.verdict}>
          <select {...fieldProps('verdict', errors.verdict)} defaultValue={values.verdict ?? ''}>
            <option value="">unchanged</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field name="reason" label="Reason" error={errors.reason}>
        <textarea {...fieldProps('reason', errors.reason)} rows={4} maxLength={5000} defaultValue={values.reason ?? ''} required />
      </Field>
      <fieldset>
        <legend>Evidence it rests on</legend>
        {errors.evidenceIds ? <p className="field-error">{errors.evidenceIds}</p> : null}
        {evidence.length === 0 ? <p className="meta">No accepted evidence yet.</p> : null}
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
          {pending ? 'Saving…' : 'Add the note'}
        </button>
      </p>
    </form>
  );
}
