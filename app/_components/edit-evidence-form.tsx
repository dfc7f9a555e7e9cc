'use client';

import { useActionState } from 'react';
import { EvidenceFields } from './evidence-fields';
import { SourcePicker } from './source-picker';
import { Field, fieldProps } from './field';
import { IDLE, type FormState } from '../_lib/form-state';
import type { SourceOption } from '@/lib/sources/options';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

const SHOWN_FIELDS = ['sourceId', 'stance', 'target', 'excerpt', 'lang', 'translation', 'locator', 'value', 'unit', 'asOf', 'note', 'retractedReason'];

/** The version now stored, shown when an edit started from an older one. */
function Conflict({ current }: { current: Record<string, unknown> }) {
  return (
    <div className="notice conflict" role="alert">
      <p>
        <strong>This entry changed since you opened it</strong>: it is now at revision {String(current.revision)}
        {current.updated_at ? ` (${String(current.updated_at).slice(0, 16).replace('T', ' ')})` : ''}. Nothing was saved. The current version:
      </p>
      <dl className="changes">
        {SHOWN_FIELDS.filter((f) => current[f] !== null && current[f] !== undefined && current[f] !== '').map((f) => (
          <div className="change" key={f}>
            <dt>{f}</dt>
            <dd>{String(current[f])}</dd>
          </div>
        ))}
      </dl>
      <p>Your edits are still in the form below. Compare them with this version; submitting again saves yours over it.</p>
    </div>
  );
}

export function EditEvidenceForm({ action, sources, initial, revision }: { action: Action; sources: SourceOption[]; initial: Record<string, string>; revision: number }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  // After a conflict the form carries the current revision, so a second submit is a deliberate choice.
  const current = state.current ?? null;
  const nextRevision = current && typeof current.revision === 'number' ? current.revision : Number(state.values?.revision ?? revision);
  return (
    <form action={formAction} className="edit-form" key={state.seq}>
      {state.status === 'error' && !current ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {current ? <Conflict current={current} /> : null}
      <input type="hidden" name="revision" value={nextRevision} />
      <Field name="sourceId" label="Source" error={errors.sourceId}>
        <SourcePicker sources={sources} value={values.sourceId ?? ''} error={errors.sourceId} extra={values.sourceId ? { id: values.sourceId, title: values.sourceId } : null} />
      </Field>
      <EvidenceFields values={values} errors={errors} />
      <p>
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save changes'}
        </button>
      </p>
    </form>
  );
}

export function RetractEvidenceForm({ action, revision }: { action: Action; revision: number }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const current = state.current ?? null;
  return (
    <form action={formAction} className="edit-form" key={state.seq}>
      {state.status === 'error' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="revision" value={current && typeof current.revision === 'number' ? current.revision : revision} />
      <Field name="reason" label="Why retract it? (kept in the history)" error={state.fieldErrors?.reason}>
        <textarea {...fieldProps('reason', state.fieldErrors?.reason)} rows={2} maxLength={5000} defaultValue={state.values?.reason ?? ''} required />
      </Field>
      <p>
        <button type="submit" disabled={pending} className="danger">
          Retract this entry
        </button>
      </p>
    </form>
  );
}
