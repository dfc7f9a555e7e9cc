import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimText, parseClaimFile, type ClaimTexts } from '../../lib/claims/parse';
import { parseClaimFiles } from '../../lib/claims/parse-pool';

const REAL = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'claims', 'ai-bubble-17x-dotcom.mdx'), 'utf8');
const TEXTS: (keyof ClaimTexts)[] = ['bodyMdx', 'bodyTree', 'bodyText', 'frontmatterYaml'];

describe('the parse pool', () => {
  it('hands back from its worker threads the same claims, texts included, in input order, as a parse in this thread', async () => {
    // Enough files for the pool to start workers (it parses a few in this thread).
    const inputs = Array.from({ length: 640 }, (_, i) => {
      const id = `ai-bubble-17x-dotcom-copy-${i}`;
      return { path: `claims/${id}.mdx`, source: REAL.replace(/^id: .*$/m, `id: "${id}"`)+ (i % 2 ? '' : `\n另一句分析 ${i}。\n`) };
    });
    const pooled = await parseClaimFiles(inputs);
    expect(pooled).toHaveLength(inputs.length);
    for (const i of [0, 1, 317, 639]) {
      const here = await parseClaimFile(inputs[i]!);
      const there = pooled[i]!;
      if (!here.ok || !there.ok) throw new Error(`copy ${i} did not parse`);
      expect(there.claim.frontmatter.id).toBe(`ai-bubble-17x-dotcom-copy-${i}`);
      expect(claimText(there.claim, 'bodyText').includes(`另一句分析 ${i}`)).toBe(i % 2 === 0);
      for (const key of TEXTS) {
        expect(claimText(there.claim, key).length).toBeGreaterThan(0);
        expect(claimText(there.claim, key)).toBe(claimText(here.claim, key));
      }
      expect(there.claim.references).toEqual(here.claim.references);
    }
  });
});
