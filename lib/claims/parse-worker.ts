import { parentPort } from 'node:worker_threads';
import { parseClaimFile, transferablesOf, type ClaimFileInput, type ParseResult } from './parse';

/** A parse-pool worker: parses the claim files it is sent and answers with plain results. */
parentPort?.on('message', async (message: { id: number; inputs: ClaimFileInput[] }) => {
  const results: ParseResult[] = [];
  for (const input of message.inputs) results.push(await parseClaimFile(input));
  parentPort!.postMessage({ id: message.id, results }, transferablesOf(results));
});
