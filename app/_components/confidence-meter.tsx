import Link from 'next/link';

/** The current confidence as a percentage with a meter; "no figure" when no note gives one. */
export function ConfidenceMeter({ value }: { value: number | null }) {
  if (value === null) {
    return (
      <Link href="/methodology#confidence" className="confidence confidence-none" title="No confidence figure has been recorded yet">
        no figure
      </Link>
    );
  }
  const pct = Math.round(value * 100);
  return (
    <Link href="/methodology#confidence" className="confidence" title={`Confidence in the verdict: ${pct}%`}>
      <meter min={0} max={1} value={value} aria-hidden="true" />
      <span>{pct}%</span>
    </Link>
  );
}
