'use server';

import { redirect } from 'next/navigation';
import { actionErrorCode } from '@/app/_lib/action-errors';
import { getEditorActionContext } from '@/app/_lib/auth';
import { UserFacingError } from '@/lib/shared/errors';
import { restoreSource } from '@/lib/sources/restore';

/** Restores a past version of a source's metadata; the restore is itself a new revision. */
export async function restoreSourceAction(form: FormData): Promise<void> {
  const id = String(form.get('sourceId') ?? '');
  const revision = Number(form.get('revision'));
  // The revision the editor saw as current when choosing to restore: a concurrent edit since makes this a 412.
  const current = Number(form.get('currentRevision'));
  const back = `/sources/${encodeURIComponent(id)}/history`;
  let outcome: string;
  try {
    const { db, actor } = await getEditorActionContext();
    if (!Number.isInteger(revision) || revision < 1 || revision > 2_147_483_647) throw new UserFacingError('invalid', 'say which revision to restore', 'revision');
    const row = await restoreSource(db, id, revision, Number.isInteger(current) && current > 0 && current <= 2_147_483_647 ? current : null, actor);
    outcome = `restored=${row.revision}`;
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
