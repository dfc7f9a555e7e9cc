'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { errorState, type FormState } from '../_lib/form-state';
import { getActionContext, isHttpsRequest } from '../_lib/auth';
import { consumeRateLimit } from '@/lib/auth/rate-limit';
import { emailSchema, signIn } from '@/lib/auth/users';
import { safeNextPath } from '@/lib/forms/form-data';
import { SESSION_COOKIE } from '@/lib/http/request';

const SIGN_IN_ATTEMPTS = { limit: 10, windowMs: 15 * 60 * 1000 };

/** Signs in with email and password; one message for every failure, so no one learns which emails exist. */
export async function signInAction(prev: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get('email') ?? '').slice(0, 254);
  const next = safeNextPath(form.get('next'));
  let destination: string;
  try {
    const { db, clientKey } = await getActionContext();
    const attempt = await consumeRateLimit(db, `sign-in:${clientKey}`, SIGN_IN_ATTEMPTS);
    if (!attempt.ok) {
      return { status: 'error', seq: prev.seq + 1, message: `Too many attempts: try again in ${Math.ceil(attempt.retryAfterSeconds / 60)} min.`, values: { email, next } };
    }
    // Not an email address at all: the same answer as a wrong password, without asking the database.
    const result = emailSchema.safeParse(email).success ? await signIn(db, email, String(form.get('password') ?? '').slice(0, 1024)) : null;
    if (!result) return { status: 'error', seq: prev.seq + 1, message: 'The email or password is not right.', values: { email, next } };
    (await cookies()).set(SESSION_COOKIE, result.sessionToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: await isHttpsRequest(),
      path: '/',
      expires: new Date(result.expiresAt),
    });
    destination = next;
  } catch (error) {
    return errorState(prev, error, { email, next });
  }
  redirect(destination);
}
