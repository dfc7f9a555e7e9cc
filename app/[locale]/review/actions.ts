'use server';

import { redirect } from 'next/navigation';
import { actionErrorCode, type ActionErrorCode } from '@/app/_lib/action-errors';
import { getEditorActionContext } from '@/app/_lib/auth';
import { reasonSchema } from '@/lib/evidence/input';
import { reviewProposal } from '@/lib/evidence/write';
import { UserFacingError } from '@/lib/shared/errors';

/** Accept or reject a proposal; the decision, who made it and why are kept with the entry. */
export async function reviewProposalAction(form: FormData): Promise<void> {
  const id = String(form.get('id') ?? '');
  const decision = form.get('decision') === 'accept' ? 'accept' : 'reject';
  const given = String(form.get('reason') ?? '').trim();
  let outcome: string;
  try {
    const { db, actor } = await getEditorActionContext();
    // An over-long (or otherwise invalid) reason is refused, never cut short: the decision is not taken.
    const checked = given ? reasonSchema.safeParse({ reason: given }) : null;
    if (checked && !checked.success) {
      const code: ActionErrorCode = checked.error.issues.some((i) => i.code === 'too_big') ? 'reason_too_long' : 'reason_invalid';
      outcome = `error=${code}&id=${encodeURIComponent(id)}`;
    } else {
      await reviewProposal(db, id, decision, checked?.data.reason ?? null, actor);
      outcome = `done=${decision === 'accept' ? 'accepted' : 'rejected'}&id=${encodeURIComponent(id)}`;
    }
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    if (error.code === 'unauthorized') redirect('/sign-in?next=/review');
    outcome = `error=${actionErrorCode(error)}&id=${encodeURIComponent(id)}`; // a code: the page shows its own fixed text
  }
  redirect(`/review?${outcome}`);
}
