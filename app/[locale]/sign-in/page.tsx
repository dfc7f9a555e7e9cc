import type { Metadata } from 'next';
import { SignInForm } from './sign-in-form';
import { safeNextPath } from '@/lib/forms/form-data';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  return (
    <article className="narrow">
      <h1>Sign in</h1>
      <p className="meta">For editors. Anyone can propose evidence without an account, from the form on each claim page.</p>
      <SignInForm next={safeNextPath(typeof next === 'string' ? next : undefined)} />
    </article>
  );
}
