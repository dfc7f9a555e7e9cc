'use client';

import { useState } from 'react';
import { Field, fieldProps } from './field';
import { fill, rich } from './fill-labels';
import { MEASURE_OPTIONS, UNIT_OPTIONS } from '@/lib/numbers/measure-options';
import { parseFigure } from '@/lib/numbers/parse';
import type { Unit } from '@/lib/numbers/units';

type Values = Record<string, string>;
type Errors = Record<string, string>;

/** The figure field's words; storedAs and cannotRead are templates ({reading}, {range}, <strong>; {message}). */
export interface FigureLabels {
  legend: string;
  text: string;
  textHint: string;
  unit: string;
  storedAs: string;
  range: string;
  cannotRead: string;
  measure: string;
  measureHint: string;
  ownMeasure: string;
}

/**
 * The figure an evidence entry states, typed as its source wrote it ("5 億美元", "US$78.4M",
 * "1.5%–34%"), read back as the exact value and unit before it is sent, so the person confirms
 * what will be stored. The server parses it again and is the authority; without JavaScript the
 * stored entry shows the reading.
 */
export function FigureField({ values, errors, labels }: { values: Values; errors: Errors; labels: FigureLabels }) {
  const [text, setText] = useState(values['quantity.text'] ?? '');
  const [unit, setUnit] = useState(values['quantity.unit'] ?? '');
  const result = text.trim() === '' ? null : parseFigure(text, { defaultUnit: (unit || null) as Unit | null });
  return (
    <fieldset className="figure-field">
      <legend>{labels.legend}</legend>
      <div className="field-row">
        <Field name="quantity.text" label={labels.text} error={errors['quantity.text'] ?? errors.quantity} hint={labels.textHint}>
          <input
            {...fieldProps('quantity.text', errors['quantity.text'])}
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={100}
            size={20}
            autoComplete="off"
          />
        </Field>
        <Field name="quantity.unit" label={labels.unit} error={errors['quantity.unit']}>
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
          rich(labels.storedAs, { strong: (chunk) => <strong>{chunk}</strong> }, { reading: result.reading, range: result.figure.value === undefined ? labels.range : '' })
        ) : (
          <span className="field-error">{fill(labels.cannotRead, { message: result.message })}</span>
        )}
      </output>
      <Field name="quantity.measure" label={labels.measure} error={errors['quantity.measure']} hint={labels.measureHint}>
        <select {...fieldProps('quantity.measure', errors['quantity.measure'])} defaultValue={values['quantity.measure'] ?? ''}>
          <option value="">{labels.ownMeasure}</option>
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
