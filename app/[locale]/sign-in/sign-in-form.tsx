'use client';

import { useActionState } from 'react';
import { IDLE } from '@/app/_lib/form-state';
import { signInAction } from './actions';

export function SignInForm({ next }: { next: string }) {
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
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.values?.email ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required aria-describedby="password-hint" />
        <p className="hint" id="password-hint">
          Editor passwords have at least 12 characters.
        </p>
      </div>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </p>
    </form>
  );
}
