import { parseClaimFile, type ClaimFileInput, type ParseResult } from './parse';

/**
 * Parses claim files (YAML frontmatter, schema, MDX body to a checked tree). Results come
 * back in input order.
 */
export async function parseClaimFiles(inputs: ClaimFileInput[], onProgress?: (done: number, total: number) => void): Promise<ParseResult[]> {
  const results: ParseResult[] = [];
  for (const [i, input] of inputs.entries()) {
    results.push(await parseClaimFile(input));
    onProgress?.(i + 1, inputs.length);
  }
  return results;
}
