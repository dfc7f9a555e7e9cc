// The parse worker's entry when the CLI runs from TypeScript source (tests, tsx): register
// tsx in this thread (loader hooks are per thread), then load the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
