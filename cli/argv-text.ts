import fs from 'node:fs';
import { UsageError } from './context';

/**
 * Node decodes argv as UTF-8 and silently replaces bytes that are not (U+FFFD), so text typed
 * as invalid UTF-8 would be stored changed. When an argument holds U+FFFD, the raw bytes the
 * kernel passed (/proc/self/cmdline, where there is one) say whether it was really typed or
 * a replacement; a replacement is refused, naming the option.
 */
export function assertArgsAreUtf8OrThrow(argv: string[]): void {
  if (!argv.some((a) => a.includes('\ufffd'))) return;
  let raw: Buffer;
  try {
    raw = fs.readFileSync('/proc/self/cmdline');
  } catch {
    return; // no raw argv on this platform: nothing more can be known
  }
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === 0) {
      parts.push(raw.subarray(start, i));
      start = i + 1;
    }
  }
  const mine = parts.slice(-argv.length);
  if (mine.length !== argv.length) return;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  mine.forEach((bytes, i) => {
    try {
      decoder.decode(bytes);
    } catch {
      const own = /^(--[\w-]+)=/.exec(argv[i]!)?.[1];
      const option = own ?? (i > 0 && argv[i - 1]!.startsWith('--') ? argv[i - 1]! : `argument ${i + 1}`);
      throw new UsageError(`${option}: the text is not valid UTF-8 (it would be stored changed): pass it as UTF-8`);
    }
  });
}
