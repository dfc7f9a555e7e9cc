#!/usr/bin/env node
// The `claims` command. The CLI is TypeScript; tsx compiles it on the fly (Node 20
// has no type stripping), so `npx claims …` works in a clone right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
