'use server';

import { actionTranslator, localiseFormState } from '@/app/_lib/action-i18n';
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
    if (!parsed.success) return await localiseFormState(invalidState(prev, parsed.error, values));
    const row = await submitEvidence(db, claimId, parsed.data, { actor, clientKey, proposalLimit: getEnv().PROPOSAL_RATE_LIMIT });
    const stored = await describeStoredEvidence(db, row);
    const [t, stances] = await Promise.all([actionTranslator('forms'), actionTranslator('stances')]);
    // The stance is named in the reader's language; the source's title stays as written.
    const said = { stance: stances.has(stored.stance) ? stances(stored.stance) : stored.stance, source: stored.sourceTitle };
    return stored.accepted
      ? { ...okState(prev, t('addEvidence.added', said), row.id), resultHref: stored.href ?? undefined }
      : okState(prev, t('addEvidence.proposed', { ...said, id: row.id }), row.id);
  } catch (error) {
    return localiseFormState(errorState(prev, error, values));
  }
}
