import { Field, fieldProps } from './field';
import { FigureField, type FigureLabels } from './figure-field';
import { LIMITS } from '@/lib/evidence/limits';
import type { SourceOption } from '@/lib/sources/options';
import { EVIDENCE_TARGETS, STANCES } from '@/lib/shared/vocabulary';

type Values = Record<string, string>;
type Errors = Record<string, string>;

/** The words of the evidence fields, in the reader's language (app/_lib/form-labels.ts). */
export interface EvidenceFieldsLabels {
  stance: string;
  choose: string;
  target: string;
  excerpt: string;
  excerptHint: string;
  lang: string;
  locator: string;
  translation: string;
  asOf: string;
  note: string;
  noteHint: string;
  /** Each stance's and target's name, by its code (the option's value stays the code). */
  stances: Record<string, string>;
  targets: Record<string, string>;
  figure: FigureLabels;
}

export function SourceSelect({ sources, value, error, extra }: { sources: SourceOption[]; value: string; error?: string; extra?: { id: string; title: string } | null }) {
  const options = extra && !sources.some((s) => s.id === extra.id) ? [{ id: extra.id, title: extra.title, publisher: null, published: null }, ...sources] : sources;
  return (
    <select {...fieldProps('sourceId', error)} defaultValue={value}>
      <option value="">Choose a source…</option>
      {options.map((s) => (
        <option key={s.id} value={s.id}>
          {s.title}
          {s.publisher ? ` — ${s.publisher}` : ''}
          {s.published ? ` (${s.published})` : ''}
        </option>
      ))}
    </select>
  );
}

/** The fields of an evidence entry itself, shared by the add and edit forms. */
export function EvidenceFields({ values, errors, labels }: { values: Values; errors: Errors; labels: EvidenceFieldsLabels }) {
  return (
    <>
      <div className="field-row">
        <Field name="stance" label={labels.stance} error={errors.stance}>
          <select {...fieldProps('stance', errors.stance)} defaultValue={values.stance ?? ''} required>
            <option value="">{labels.choose}</option>
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {labels.stances[s] ?? s}
              </option>
            ))}
          </select>
        </Field>
        <Field name="target" label={labels.target} error={errors.target}>
          <select {...fieldProps('target', errors.target)} defaultValue={values.target ?? 'whole'}>
            {EVIDENCE_TARGETS.map((t) => (
              <option key={t} value={t}>
                {labels.targets[t] ?? t}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field name="excerpt" label={labels.excerpt} error={errors.excerpt} hint={labels.excerptHint}>
        <textarea {...fieldProps('excerpt', errors.excerpt)} rows={4} maxLength={LIMITS.excerpt} defaultValue={values.excerpt ?? ''} required />
      </Field>
      <div className="field-row">
        <Field name="lang" label={labels.lang} error={errors.lang}>
          <input {...fieldProps('lang', errors.lang)} defaultValue={values.lang ?? 'en'} required size={10} />
        </Field>
        <Field name="locator" label={labels.locator} error={errors.locator}>
          <input {...fieldProps('locator', errors.locator)} maxLength={LIMITS.locator} defaultValue={values.locator ?? ''} />
        </Field>
      </div>
      <Field name="translation" label={labels.translation} error={errors.translation}>
        <textarea {...fieldProps('translation', errors.translation)} rows={3} maxLength={LIMITS.translation} defaultValue={values.translation ?? ''} />
      </Field>
      <div className="field-row">
        <Field name="asOf" label={labels.asOf} error={errors.asOf}>
          <input {...fieldProps('asOf', errors.asOf)} defaultValue={values.asOf ?? ''} size={12} />
        </Field>
      </div>
      <FigureField values={values} errors={errors} labels={labels.figure} />
      <Field name="note" label={labels.note} error={errors.note} hint={labels.noteHint}>
        <textarea {...fieldProps('note', errors.note)} rows={4} maxLength={LIMITS.note} defaultValue={values.note ?? ''} />
      </Field>
    </>
  );
}
