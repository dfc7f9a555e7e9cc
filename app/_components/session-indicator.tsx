'use client';

import { usePathname } from 'next/navigation';
import { useSession } from './use-session';

export interface SessionLabels {
  signIn: string;
  signOut: string;
  review: string;
  intake: string;
  /** With {email} and {role}. */
  signedInAs: string;
}

/**
 * The header's sign-in link, or who is signed in with the review queue, intake and sign-out.
 * Its words come as props from the layout (in the reader's language): a client component, it
 * gets these five strings and not the catalogue.
 */
export function SessionIndicator({ labels }: { labels: SessionLabels }) {
  const session = useSession();
  const here = usePathname() ?? '/';
  if (session?.signedIn) {
    return (
      <div className="session">
        <span className="meta" title={labels.signedInAs.replace('{email}', session.email).replace('{role}', session.role)}>
          {session.email}
        </span>
        <a href="/review">{labels.review}</a>
        <a href="/intake">{labels.intake}</a>
        <form method="post" action="/sign-out">
          <button type="submit" className="link-button">
            {labels.signOut}
          </button>
        </form>
      </div>
    );
  }
  return (
    <div className="session">
      <a href={here === '/' || here.startsWith('/sign-in') ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`}>{labels.signIn}</a>
    </div>
  );
}
