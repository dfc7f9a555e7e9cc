'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { actionTranslator, localiseFormState } from '@/app/_lib/action-i18n';
import { getEditorActionContext } from '@/app/_lib/auth';
import { errorState, invalidState, type FormState } from '@/app/_lib/form-state';
import { sourcePatchSchema } from '@/lib/evidence/input';
import { readFormValues, revisionFromForm, sourcePatchFromForm } from '@/lib/forms/form-data';
import { plainString, slugSchema } from '@/lib/shared/vocabulary';
import { mergeSources, updateSource } from '@/lib/sources/write';

/** Saves a source edit from the revision the form was opened at (a stale one is refused and shown). */
export async function updateSourceAction(sourceId: string, prev: FormState, form: FormData): Promise<FormState> {
  const values = readFormValues(form);
  try {
    const { db, actor } = await getEditorActionContext();
    const parsed = sourcePatchSchema.safeParse(sourcePatchFromForm(form));
    if (!parsed.success) return await localiseFormState(invalidState(prev, parsed.error, values));
    await updateSource(db, sourceId, parsed.data, revisionFromForm(form), actor);
  } catch (error) {
    return localiseFormState(errorState(prev, error, values));
  }
  redirect(`/sources/${sourceId}`);
}

/** The merge form's fields; the one message of its own is in the reader's language. */
function mergeFormSchema(reasonRequired: string) {
  return z.strictObject({ into: slugSchema, reason: plainString().trim().min(1, reasonRequired).max(5000) });
}

/** Merges this source into another: its evidence moves there; both records stay, linked. */
export async function mergeSourceAction(sourceId: string, prev: FormState, form: FormData): Promise<FormState> {
  const values = readFormValues(form);
  let into: string;
  try {
    const { db, actor } = await getEditorActionContext();
    const t = await actionTranslator('forms');
    const parsed = mergeFormSchema(t('merge.reasonRequired')).safeParse({ into: String(form.get('into') ?? ''), reason: String(form.get('reason') ?? '') });
    if (!parsed.success) return await localiseFormState(invalidState(prev, parsed.error, values));
    await mergeSources(db, sourceId, parsed.data.into, parsed.data.reason, actor);
    into = parsed.data.into;
  } catch (error) {
    return localiseFormState(errorState(prev, error, values));
  }
  redirect(`/sources/${into}`);
}
