/**
 * Definitions that must read the same everywhere: README.md (the verdict scale and the JSON API
 * sections), /methodology and /about quote these strings exactly; tests/content/definitions.test.ts checks it.
 */
export const CONFIDENCE_DEFINITION =
  'Confidence is our estimate, from 0 to 1 (shown as 0% to 100%), that the verdict would survive a full re-check by someone with access to every source we cite; it is not the probability that the claim is true.';
