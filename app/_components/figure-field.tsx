'use client';

import { useState } from 'react';
import { Field, fieldProps } from './field';
import { MEASURE_OPTIONS, UNIT_OPTIONS } from '@/lib/numbers/measure-options';
import { parseFigure } from '@/lib/numbers/parse';
import type { Unit } from '@/lib/numbers/units';

type Values = Record<string, string>;
type Errors = Record<string, string>;

/**
 * The figure an evidence entry states, typed as its source wrote it ("5 億美元", "US$78.4M",
 * "1.5%–34%"), read back as the exact value and unit before it is sent, so the person confirms
 * what will be stored. The server parses it again and is the authority; without JavaScript the
 * stored entry shows the reading.
 */
export function FigureField({ values, errors }: { values: Values; errors: Errors }) {
  const [text, setText] = useState(values['quantity.text'] ?? '');
  const [unit, setUnit] = useState(values['quantity.unit'] ?? '');
  const result = text.trim() === '' ? null : parseFigure(text, { defaultUnit: (unit || null) as Unit | null });
  return (
    <fieldset className="figure-field">
      <legend>Figure the source states (optional)</legend>
      <div className="field-row">
        <Field name="quantity.text" label="Figure, as written" error={errors['quantity.text'] ?? errors.quantity} hint='e.g. "US$78.4M", "5 億美元", "34%", "17x", "1.5%–34%", "over $100 million"'>
          <input
            {...fieldProps('quantity.text', errors['quantity.text'])}
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={100}
            size={20}
            autoComplete="off"
          />
        </Field>
        <Field name="quantity.unit" label="Unit, if the figure names none" error={errors['quantity.unit']}>
          <select {...fieldProps('quantity.unit', errors['quantity.unit'])} value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">—</option>
            {UNIT_OPTIONS.map((u) => (
              <option key={u.key} value={u.key}>
                {u.key} ({u.label})
              </option>
            ))}
          </select>
        </Field>
      </div>
      <output className="figure-reading" htmlFor="f-quantity.text f-quantity.unit" aria-live="polite" data-testid="figure-reading">
        {result === null ? null : result.ok ? (
          <>
            Will be stored as <strong>{result.reading}</strong>
            {result.figure.value === undefined ? ' (a range)' : ''}. Check it before you submit.
          </>
        ) : (
          <span className="field-error">Cannot read this figure: {result.message}</span>
        )}
      </output>
      <Field name="quantity.measure" label="What it measures" error={errors['quantity.measure']} hint="Leave as is when the figure is of the same thing as the claim's own.">
        <select {...fieldProps('quantity.measure', errors['quantity.measure'])} defaultValue={values['quantity.measure'] ?? ''}>
          <option value="">the claim&apos;s own measure</option>
          {MEASURE_OPTIONS.map((m) => (
            <option key={m.key} value={m.key}>
              {m.label}
            </option>
          ))}
        </select>
      </Field>
    </fieldset>
  );
}
