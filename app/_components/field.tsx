import type { ReactNode } from 'react';

/** A labelled form field with its message next to it (the server's validation is the authority). */
export function Field({ name, label, error, hint, children }: { name: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={`f-${name}`}>{label}</label>
      {children}
      {hint ? <p className="hint" id={`hint-${name}`}>{hint}</p> : null}
      {error ? (
        <p className="field-error" id={`err-${name}`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Props that tie an input to its Field: id, name and the error description. */
export function fieldProps(name: string, error?: string) {
  return { id: `f-${name}`, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `err-${name}` : undefined } as const;
}
