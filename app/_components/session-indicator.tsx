'use client';

import { usePathname } from 'next/navigation';
import { useSession } from './use-session';

/** The header's sign-in link, or who is signed in with the review queue, intake and sign-out. */
export function SessionIndicator() {
  const session = useSession();
  const here = usePathname() ?? '/';
  if (session?.signedIn) {
    return (
      <div className="session">
        <span className="meta" title={`Signed in as ${session.email} (${session.role})`}>
          {session.email}
        </span>
        <a href="/review">Review</a>
        <a href="/intake">Intake</a>
        <form method="post" action="/sign-out">
          <button type="submit" className="link-button">
            Sign out
          </button>
        </form>
      </div>
    );
  }
  return (
    <div className="session">
      <a href={here === '/' || here.startsWith('/sign-in') ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`}>Sign in</a>
    </div>
  );
}
