'use server';

import { redirect } from 'next/navigation';
import { localiseFormState } from '@/app/_lib/action-i18n';
import { getEditorActionContext } from '@/app/_lib/auth';
import { errorState, invalidState, type FormState } from '@/app/_lib/form-state';
import { evidencePatchSchema, reasonSchema } from '@/lib/evidence/input';
import { retractEvidence, updateEvidence } from '@/lib/evidence/write';
import { evidencePatchFromForm, readFormValues, revisionFromForm } from '@/lib/forms/form-data';

/**
 * Saves an edit. The form carries the revision it was opened at: if the entry changed
 * since, nothing is written and the current version is shown (no silent overwrite).
 */
export async function updateEvidenceAction(evidenceId: string, prev: FormState, form: FormData): Promise<FormState> {
  const values = readFormValues(form);
  let claimId: string;
  try {
    const { db, actor } = await getEditorActionContext();
    const parsed = evidencePatchSchema.safeParse(evidencePatchFromForm(form));
    if (!parsed.success) return await localiseFormState(invalidState(prev, parsed.error, values));
    const row = await updateEvidence(db, evidenceId, parsed.data, revisionFromForm(form), actor);
    claimId = row.claim_id;
  } catch (error) {
    return localiseFormState(errorState(prev, error, values));
  }
  redirect(`/claims/${claimId}#evidence-${evidenceId}`);
}

/** Retracts an entry (a soft delete with a reason); its history stays and it can be restored. */
export async function retractEvidenceAction(evidenceId: string, prev: FormState, form: FormData): Promise<FormState> {
  const values = readFormValues(form);
  let claimId: string;
  try {
    const { db, actor } = await getEditorActionContext();
    const parsed = reasonSchema.safeParse({ reason: String(form.get('reason') ?? '') });
    if (!parsed.success) return await localiseFormState(invalidState(prev, parsed.error, values));
    const row = await retractEvidence(db, evidenceId, parsed.data.reason, revisionFromForm(form), actor);
    claimId = row.claim_id;
  } catch (error) {
    return localiseFormState(errorState(prev, error, values));
  }
  redirect(`/claims/${claimId}/history`);
}
