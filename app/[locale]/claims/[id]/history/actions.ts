'use server';

import { redirect } from 'next/navigation';
import { actionErrorCode } from '@/app/_lib/action-errors';
import { getEditorActionContext } from '@/app/_lib/auth';
import { restoreEvidence } from '@/lib/evidence/write';
import { UserFacingError } from '@/lib/shared/errors';

/** Restores a past version of an evidence entry; the restore is itself a new revision. */
export async function restoreEvidenceAction(form: FormData): Promise<void> {
  const claimId = String(form.get('claimId') ?? '');
  const id = String(form.get('evidenceId') ?? '');
  const revision = Number(form.get('revision'));
  // The revision the editor saw as current when choosing to restore: a concurrent edit since makes this a 412.
  const current = Number(form.get('currentRevision'));
  const back = `/claims/${encodeURIComponent(claimId)}/history`;
  let outcome: string;
  try {
    const { db, actor } = await getEditorActionContext();
    const row = await restoreEvidence(db, id, Number.isInteger(revision) && revision > 0 && revision <= 2_147_483_647 ? revision : null, Number.isInteger(current) && current > 0 && current <= 2_147_483_647 ? current : null, actor);
    outcome = `restored=${encodeURIComponent(row.id)}&revision=${row.revision}`;
  } catch (error) {
    // Next's redirect() and notFound() are thrown: let them through.
    if (error && typeof error === 'object' && 'digest' in error) throw error;
    if (error instanceof UserFacingError && error.code === 'unauthorized') redirect(`/sign-in?next=${encodeURIComponent(back)}`);
    if (!(error instanceof UserFacingError)) console.error('restore failed', error);
    // A code: the page shows its own fixed text (a generic one for anything unexpected).
    outcome = `error=${error instanceof UserFacingError ? actionErrorCode(error) : 'invalid'}`;
  }
  redirect(`${back}?${outcome}`);
}
