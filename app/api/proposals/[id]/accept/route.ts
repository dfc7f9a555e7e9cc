import { decideProposalRoute } from '../../../_lib/decide-proposal';

export const POST = decideProposalRoute('accept');
