'use client';

import { useActionState } from 'react';
import { EvidenceFields, type EvidenceFieldsLabels } from './evidence-fields';
import { fill, rich } from './fill-labels';
import { SourcePicker, type SourcePickerLabels } from './source-picker';
import { Field, fieldProps } from './field';
import { IDLE, type FormState } from '../_lib/form-state';
import type { SourceOption } from '@/lib/sources/options';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

const SHOWN_FIELDS = ['sourceId', 'stance', 'target', 'excerpt', 'lang', 'translation', 'locator', 'value', 'unit', 'asOf', 'note', 'retractedReason'];

/** The edit form's words (app/_lib/form-labels.ts); conflict has {revision}, {updated} and <strong>, conflictUpdated {time}. */
export interface EditEvidenceLabels {
  conflict: string;
  conflictUpdated: string;
  conflictAfter: string;
  source: string;
  saving: string;
  save: string;
  picker: SourcePickerLabels;
  fields: EvidenceFieldsLabels;
}

export interface RetractEvidenceLabels {
  reason: string;
  submit: string;
}

/** The version now stored, shown when an edit started from an older one. */
function Conflict({ current, labels }: { current: Record<string, unknown>; labels: EditEvidenceLabels }) {
  const updated = current.updated_at ? fill(labels.conflictUpdated, { time: String(current.updated_at).slice(0, 16).replace('T', ' ') }) : '';
  return (
    <div className="notice conflict" role="alert">
      <p>{rich(labels.conflict, { strong: (chunk) => <strong>{chunk}</strong> }, { revision: String(current.revision), updated })}</p>
      <dl className="changes">
        {SHOWN_FIELDS.filter((f) => current[f] !== null && current[f] !== undefined && current[f] !== '').map((f) => (
          <div className="change" key={f}>
            <dt>{f}</dt>
            <dd>{String(current[f])}</dd>
          </div>
        ))}
      </dl>
      <p>{labels.conflictAfter}</p>
    </div>
  );
}

export function EditEvidenceForm({
  action,
  sources,
  initial,
  revision,
  labels,
}: {
  action: Action;
  sources: SourceOption[];
  initial: Record<string, string>;
  revision: number;
  labels: EditEvidenceLabels;
}) {
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
      {current ? <Conflict current={current} labels={labels} /> : null}
      <input type="hidden" name="revision" value={nextRevision} />
      <Field name="sourceId" label={labels.source} error={errors.sourceId}>
        <SourcePicker
          sources={sources}
          value={values.sourceId ?? ''}
          error={errors.sourceId}
          extra={values.sourceId ? { id: values.sourceId, title: values.sourceId } : null}
          labels={labels.picker}
        />
      </Field>
      <EvidenceFields values={values} errors={errors} labels={labels.fields} />
      <p>
        <button type="submit" disabled={pending}>
          {pending ? labels.saving : labels.save}
        </button>
      </p>
    </form>
  );
}

export function RetractEvidenceForm({ action, revision, labels }: { action: Action; revision: number; labels: RetractEvidenceLabels }) {
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
      <Field name="reason" label={labels.reason} error={state.fieldErrors?.reason}>
        <textarea {...fieldProps('reason', state.fieldErrors?.reason)} rows={2} maxLength={5000} defaultValue={state.values?.reason ?? ''} required />
      </Field>
      <p>
        <button type="submit" disabled={pending} className="danger">
          {labels.submit}
        </button>
      </p>
    </form>
  );
}
