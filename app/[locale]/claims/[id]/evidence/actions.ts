'use server';

import { getActionContext } from '@/app/_lib/auth';
import { errorState, invalidState, okState, type FormState } from '@/app/_lib/form-state';
import { getEnv } from '@/lib/env';
import { newEvidenceInputSchema } from '@/lib/evidence/input';
import { describeStoredEvidence } from '@/lib/evidence/describe';
import { submitEvidence } from '@/lib/evidence/submit';
import { evidenceInputFromForm, readFormValues } from '@/lib/forms/form-data';

/**
 * The add-evidence form, for anyone: a signed-in editor's entry is stored accepted;
 * anyone else's becomes a proposal awaiting review (rate-limited per address).
 */
export async function addEvidenceAction(claimId: string, prev: FormState, form: FormData): Promise<FormState> {
  const values = readFormValues(form);
  try {
    const { db, actor, clientKey } = await getActionContext();
    const parsed = newEvidenceInputSchema.safeParse(evidenceInputFromForm(form));
    if (!parsed.success) return invalidState(prev, parsed.error, values);
    const row = await submitEvidence(db, claimId, parsed.data, { actor, clientKey, proposalLimit: getEnv().PROPOSAL_RATE_LIMIT });
    const stored = await describeStoredEvidence(db, row);
    return stored.accepted
      ? { ...okState(prev, `Evidence added: a “${stored.stance}” excerpt from ${stored.sourceTitle}.`, row.id), resultHref: stored.href ?? undefined }
      : okState(
          prev,
          `Thank you: your proposal (a “${stored.stance}” excerpt from ${stored.sourceTitle}) is stored as ${row.id} and awaits review by an editor. It is counted nowhere until it is accepted.`,
          row.id,
        );
  } catch (error) {
    return errorState(prev, error, values);
  }
}
