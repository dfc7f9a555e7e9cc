'use server';

import { redirect } from 'next/navigation';
import { localiseFormState } from '@/app/_lib/action-i18n';
import { getEditorActionContext } from '@/app/_lib/auth';
import { errorState, invalidState, type FormState } from '@/app/_lib/form-state';
import { addConfidenceNote } from '@/lib/confidence/write';
import { confidenceInputSchema } from '@/lib/evidence/input';
import { confidenceInputFromForm, readFormValues } from '@/lib/forms/form-data';

/** Appends a confidence note (notes are never edited: a changed judgement is a new note). */
export async function addConfidenceNoteAction(claimId: string, prev: FormState, form: FormData): Promise<FormState> {
  const values = readFormValues(form);
  try {
    const { db, actor } = await getEditorActionContext();
    const parsed = confidenceInputSchema.safeParse(confidenceInputFromForm(form));
    if (!parsed.success) return await localiseFormState(invalidState(prev, parsed.error, values));
    await addConfidenceNote(db, claimId, parsed.data, actor);
  } catch (error) {
    return localiseFormState(errorState(prev, error, values));
  }
  redirect(`/claims/${claimId}#verdict-heading`);
}
