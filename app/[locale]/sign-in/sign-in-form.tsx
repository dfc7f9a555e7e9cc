'use client';

import { useActionState } from 'react';
import { IDLE } from '@/app/_lib/form-state';
import { signInAction } from './actions';

/** The form's words, in the reader's language (the page translates them). */
export interface SignInLabels {
  email: string;
  password: string;
  passwordHint: string;
  signingIn: string;
  submit: string;
}

export function SignInForm({ next, labels }: { next: string; labels: SignInLabels }) {
  const [state, action, pending] = useActionState(signInAction, IDLE);
  return (
    <form action={action} className="edit-form sign-in-form" key={state.seq}>
      {state.status === 'error' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="next" value={state.values?.next ?? next} />
      <div className="field">
        <label htmlFor="email">{labels.email}</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.values?.email ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="password">{labels.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required aria-describedby="password-hint" />
        <p className="hint" id="password-hint">
          {labels.passwordHint}
        </p>
      </div>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? labels.signingIn : labels.submit}
        </button>
      </p>
    </form>
  );
}
