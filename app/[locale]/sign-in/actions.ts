'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { actionTranslator, localiseFormState } from '@/app/_lib/action-i18n';
import type { Translate } from '@/i18n/translator';
import { errorState, type FormState } from '@/app/_lib/form-state';
import { getActionContext, isHttpsRequest } from '@/app/_lib/auth';
import { checkSignInAllowed, DEVICE_COOKIE, recordSignInFailure, recordSignInSuccess, SIGN_IN_THROTTLE } from '@/lib/auth/sign-in-throttle';
import { emailSchema, signIn } from '@/lib/auth/users';
import { safeNextPath } from '@/lib/forms/form-data';
import { SESSION_COOKIE } from '@/lib/http/request';

function waitText(t: Translate, seconds: number): string {
  return seconds < 90 ? t('signIn.waitSeconds', { seconds }) : t('signIn.waitMinutes', { minutes: Math.ceil(seconds / 60) });
}

/** Signs in with email and password; one message for every failure, so no one learns which emails exist. */
export async function signInAction(prev: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get('email') ?? '').slice(0, 254);
  const next = safeNextPath(form.get('next'));
  let destination: string;
  try {
    const { db, clientKey } = await getActionContext();
    const jar = await cookies();
    const gate = await checkSignInAllowed(db, { email, clientKey, deviceToken: jar.get(DEVICE_COOKIE)?.value });
    if (!gate.ok) {
      const t = await actionTranslator('forms');
      return { status: 'error', seq: prev.seq + 1, message: t('signIn.tooMany', { wait: waitText(t, gate.retryAfterSeconds) }), values: { email, next } };
    }
    // Not an email address at all: the same answer as a wrong password, without asking the database.
    const result = emailSchema.safeParse(email).success ? await signIn(db, email, String(form.get('password') ?? '').slice(0, 1024)) : null;
    if (!result) {
      await recordSignInFailure(db, { email, clientKey });
      const t = await actionTranslator('forms');
      return { status: 'error', seq: prev.seq + 1, message: t('signIn.wrong'), values: { email, next } };
    }
    const { deviceToken } = await recordSignInSuccess(db, { email });
    // This browser has now signed in to the account: a guesser on the same address cannot lock it out.
    jar.set(DEVICE_COOKIE, deviceToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: await isHttpsRequest(),
      path: '/sign-in',
      maxAge: SIGN_IN_THROTTLE.deviceLifetimeMs / 1000,
    });
    jar.set(SESSION_COOKIE, result.sessionToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: await isHttpsRequest(),
      path: '/',
      expires: new Date(result.expiresAt),
    });
    destination = next;
  } catch (error) {
    return localiseFormState(errorState(prev, error, { email, next }));
  }
  redirect(destination);
}
