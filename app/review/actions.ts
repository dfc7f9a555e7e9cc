'use server';

import { redirect } from 'next/navigation';
import { getEditorActionContext } from '../_lib/auth';
import { reviewProposal } from '@/lib/evidence/write';
import { LIMITS } from '@/lib/evidence/input';
import { UserFacingError } from '@/lib/shared/errors';

/** Accept or reject a proposal; the decision, who made it and why are kept with the entry. */
export async function reviewProposalAction(form: FormData): Promise<void> {
  const id = String(form.get('id') ?? '');
  const decision = form.get('decision') === 'accept' ? 'accept' : 'reject';
  const reason = String(form.get('reason') ?? '').trim().slice(0, LIMITS.reason) || null;
  let outcome: string;
  try {
    const { db, actor } = await getEditorActionContext();
    await reviewProposal(db, id, decision, reason, actor);
    outcome = `done=${decision === 'accept' ? 'accepted' : 'rejected'}&id=${encodeURIComponent(id)}`;
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    if (error.code === 'unauthorized') redirect('/sign-in?next=/review');
    outcome = `error=${encodeURIComponent(error.message)}&id=${encodeURIComponent(id)}`;
  }
  redirect(`/review?${outcome}`);
}
