'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { EvidenceFields } from './evidence-fields';
import { SourcePicker } from './source-picker';
import { Field, fieldProps } from './field';
import { IDLE, type FormState } from '../_lib/form-state';
import { LIMITS } from '@/lib/evidence/limits';
import type { SourceOption } from '@/lib/sources/options';
import { SOURCE_TYPES } from '@/lib/shared/vocabulary';

/**
 * The "Add evidence" form. A plain form posting to a server action: it works before (or
 * without) JavaScript; with it, the page refreshes in place after a successful submission.
 */
export function AddEvidenceForm({ action, sources }: { action: (prev: FormState, form: FormData) => Promise<FormState>; sources: SourceOption[] }) {
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
                See the new entry on the claim page →
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
            That source is already in the ledger as <a href={`/sources/${duplicate.id}`}>{duplicate.title}</a>: it is now chosen below. Submit again to
            use it.
          </p>
        ) : null}
      </div>

      <fieldset>
        <legend>Source</legend>
        <p className="choice">
          <input type="radio" id="sourceMode-existing" name="sourceMode" value="existing" defaultChecked={sourceMode === 'existing'} />
          <label htmlFor="sourceMode-existing">A source already in the ledger</label>
        </p>
        <Field name="sourceId" label="Source" error={errors.sourceId}>
          <SourcePicker sources={sources} value={sourceId} error={errors.sourceId} extra={duplicate} />
        </Field>
        <p className="choice">
          <input type="radio" id="sourceMode-new" name="sourceMode" value="new" defaultChecked={sourceMode === 'new'} />
          <label htmlFor="sourceMode-new">A new source</label>
        </p>
        <div className="field-group">
          <Field name="source.url" label="URL (http or https)" error={errors['source.url']}>
            <input {...fieldProps('source.url', errors['source.url'])} type="url" maxLength={LIMITS.url} defaultValue={values['source.url'] ?? ''} />
          </Field>
          <Field name="source.title" label="Title" error={errors['source.title']}>
            <input {...fieldProps('source.title', errors['source.title'])} maxLength={LIMITS.title} defaultValue={values['source.title'] ?? ''} />
          </Field>
          <div className="field-row">
            <Field name="source.publisher" label="Publisher" error={errors['source.publisher']}>
              <input {...fieldProps('source.publisher', errors['source.publisher'])} maxLength={LIMITS.publisher} defaultValue={values['source.publisher'] ?? ''} />
            </Field>
            <Field name="source.publishedAt" label="Published (YYYY[-MM[-DD]])" error={errors['source.publishedAt']}>
              <input {...fieldProps('source.publishedAt', errors['source.publishedAt'])} defaultValue={values['source.publishedAt'] ?? ''} size={12} />
            </Field>
            <Field name="source.type" label="Type" error={errors['source.type']}>
              <select {...fieldProps('source.type', errors['source.type'])} defaultValue={values['source.type'] ?? 'news'}>
                {SOURCE_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </div>
      </fieldset>

      <EvidenceFields values={values} errors={errors} />

      <p>
        <button type="submit" disabled={pending}>
          {pending ? 'Submitting…' : 'Submit evidence'}
        </button>
      </p>
    </form>
  );
}
