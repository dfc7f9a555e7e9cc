'use client';

import Link from 'next/link';
import { fill, rich } from './fill-labels';
import { useSession } from './use-session';

/** Its three sentences: signedIn has {email}; signedOut a <link> to sign in. */
export interface SubmitHelpLabels {
  unknown: string;
  signedIn: string;
  signedOut: string;
}

/** What happens to an entry, for who is actually signed in (the page itself is cached, the same for everyone). */
export function SubmitHelp({ labels }: { labels: SubmitHelpLabels }) {
  const session = useSession();
  if (session === null) return <span className="meta">{labels.unknown}</span>;
  if (session.signedIn) {
    return <span className="meta">{fill(labels.signedIn, { email: session.email })}</span>;
  }
  return (
<span className="meta">{rich(labels.signedOut, { link: (chunk) => <Link href="/sign-in">{chunk}</Link> })}</span>
  );
}
