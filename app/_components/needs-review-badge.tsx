/** Newer accepted evidence than the current verdict: the verdict should be looked at again. */
export function NeedsReviewBadge() {
  return (
    <span className="badge needs-review" title="Its newest accepted evidence is dated after the current verdict">
      Needs review
    </span>
  );
}
