import type { useFormatter } from 'next-intl';

type Formatter = ReturnType<typeof useFormatter>;

/**
 * A record's date (YYYY, YYYY-MM or YYYY-MM-DD, as the claim files write them) in the reader's
 * locale: "28 Nov 2026" or "2026年11月28日". Only the parts the record knows are shown, and
 * anything that is not such a date is shown as written.
 */
export function formatDay(format: Formatter, value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo ?? 1) - 1, Number(d ?? 1)));
  if (Number.isNaN(date.getTime())) return value;
  if (d) return format.dateTime(date, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  if (mo) return format.dateTime(date, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  return format.dateTime(date, { year: 'numeric', timeZone: 'UTC' });
}
