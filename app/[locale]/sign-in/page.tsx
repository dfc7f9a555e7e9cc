import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from './sign-in-form';
import { safeNextPath } from '@/lib/forms/form-data';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('editorial'))('signIn.title'), robots: { index: false } };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  const [t, forms] = await Promise.all([getTranslations('editorial'), getTranslations('forms')]);
  const labels = {
    email: forms('signIn.email'),
    password: forms('signIn.password'),
    passwordHint: forms('signIn.passwordHint'),
    signingIn: forms('signIn.signingIn'),
    submit: forms('signIn.submit'),
  };
  return (
    <article className="narrow">
      <h1>{t('signIn.heading')}</h1>
      <p className="meta">{t('signIn.intro')}</p>
      <SignInForm next={safeNextPath(typeof next === 'string' ? next : undefined)} labels={labels} />
    </article>
  );
}
