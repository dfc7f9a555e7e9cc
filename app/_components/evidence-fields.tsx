import { Field, fieldProps } from './field';
import { FigureField } from './figure-field';
import { LIMITS } from '@/lib/evidence/limits';
import type { SourceOption } from '@/lib/sources/options';
import { EVIDENCE_TARGETS, STANCES } from '@/lib/shared/vocabulary';

type Values = Record<string, string>;
type Errors = Record<string, string>;

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
export function EvidenceFields({ values, errors }: { values: Values; errors: Errors }) {
  return (
    <>
      <div className="field-row">
        <Field name="stance" label="Stance" error={errors.stance}>
          <select {...fieldProps('stance', errors.stance)} defaultValue={values.stance ?? ''} required>
            <option value="">Choose…</option>
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
        <Field name="target" label="Bears on" error={errors.target}>
          <select {...fieldProps('target', errors.target)} defaultValue={values.target ?? 'whole'}>
            {EVIDENCE_TARGETS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field name="excerpt" label="Excerpt, quoted exactly in its original language" error={errors.excerpt} hint="No ellipses or brackets: a cut quote becomes two entries.">
        <textarea {...fieldProps('excerpt', errors.excerpt)} rows={4} maxLength={LIMITS.excerpt} defaultValue={values.excerpt ?? ''} required />
      </Field>
      <div className="field-row">
        <Field name="lang" label="Language of the excerpt (BCP-47)" error={errors.lang}>
          <input {...fieldProps('lang', errors.lang)} defaultValue={values.lang ?? 'en'} required size={10} />
        </Field>
        <Field name="locator" label="Locator (page, section, timestamp)" error={errors.locator}>
          <input {...fieldProps('locator', errors.locator)} maxLength={LIMITS.locator} defaultValue={values.locator ?? ''} />
        </Field>
      </div>
      <Field name="translation" label="Translation (English, optional)" error={errors.translation}>
        <textarea {...fieldProps('translation', errors.translation)} rows={3} maxLength={LIMITS.translation} defaultValue={values.translation ?? ''} />
      </Field>
      <div className="field-row">
        <Field name="asOf" label="As of (YYYY, YYYY-MM or YYYY-MM-DD)" error={errors.asOf}>
          <input {...fieldProps('asOf', errors.asOf)} defaultValue={values.asOf ?? ''} size={12} />
        </Field>
      </div>
      <FigureField values={values} errors={errors} />
      <Field name="note" label="Note (Markdown)" error={errors.note} hint="Plain Markdown: no HTML; links must be http or https.">
        <textarea {...fieldProps('note', errors.note)} rows={4} maxLength={LIMITS.note} defaultValue={values.note ?? ''} />
      </Field>
    </>
  );
}
