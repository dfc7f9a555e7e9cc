'use server';

import { redirect } from 'next/navigation';
import { actionErrorCode } from '../../../_lib/action-errors';
import { getEditorActionContext } from '../../../_lib/auth';
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
    if (!Number.isInteger(revision) || revision < 1) throw new UserFacingError('invalid', 'say which revision to restore', 'revision');
    const row = await restoreSource(db, id, revision, Number.isInteger(current) && current > 0 ? current : null, actor);
    outcome = `restored=${row.revision}`;
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    if (error.code === 'unauthorized') redirect(`/sign-in?next=${encodeURIComponent(back)}`);
    outcome = `error=${actionErrorCode(error)}`; // a code: the page shows its own fixed text
  }
  redirect(`${back}?${outcome}`);
}
