'use client';

import Link from 'next/link';
import { useSession } from './use-session';

/** What happens to an entry, for who is actually signed in (the page itself is cached, the same for everyone). */
export function SubmitHelp() {
  const session = useSession();
  if (session === null) return <span className="meta">Editors’ entries are published at once; anyone else’s are proposals an editor reviews.</span>;
  if (session.signedIn) {
    return <span className="meta">You are signed in as {session.email}: your entry is published at once, under your name.</span>;
  }
  return (
    <span className="meta">
      You are not signed in: your entry is a proposal that an editor reviews before it counts. Editors can <Link href="/sign-in">sign in</Link>.
    </span>
  );
}
