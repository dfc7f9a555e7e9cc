import { describe, expect, it } from 'vitest';
import { actionErrorCode, actionErrorMessage } from '../../app/_lib/action-errors';
import { UserFacingError } from '../../lib/shared/errors';

describe('error codes in redirects', () => {
  it('turns a write error into a code, never its message', () => {
    expect(actionErrorCode(new UserFacingError('precondition_failed', 'this evidence entry changed since revision 2'))).toBe('precondition_failed');
    expect(actionErrorCode(new UserFacingError('invalid', 'say why the proposal is rejected', 'reason'))).toBe('reason_required');
    expect(actionErrorCode(new UserFacingError('conflict', 'already decided'))).toBe('conflict');
  });

  it('maps known codes to fixed messages and anything else to a generic one: query-string text is never shown', () => {
    expect(actionErrorMessage(undefined)).toBeNull();
    expect(actionErrorMessage('precondition_failed')).toMatch(/changed since you opened this page/);
    expect(actionErrorMessage('conflict', { conflict: 'Already decided.' })).toBe('Already decided.');
    expect(actionErrorMessage('reason_too_long')).toMatch(/at most 5000 characters/);
    const crafted = 'Your account is locked: call +1 555 0100 <script>alert(1)</script>';
    for (const code of [crafted, 'toString', '__proto__', 'constructor', ['precondition_failed', crafted]]) {
      const message = actionErrorMessage(code);
      expect(message).toBe('Something went wrong and nothing was changed. Reload the page and try again.');
    }
  });
});
