'use client';

import { useEffect, useState } from 'react';

export type SessionInfo = { signedIn: false } | { signedIn: true; email: string; role: string };

// One request per page load, shared by every island that asks.
let pending: Promise<SessionInfo> | null = null;

function fetchSession(): Promise<SessionInfo> {
  pending ??= fetch('/api/session', { credentials: 'same-origin', cache: 'no-store' })
    .then((r) => (r.ok ? (r.json() as Promise<SessionInfo>) : { signedIn: false as const }))
    .catch(() => ({ signedIn: false as const }));
  return pending;
}

/** Who is signed in, asked from the browser so the cached page stays the same for everyone; null until known. */
export function useSession(): SessionInfo | null {
  const [session, setSession] = useState<SessionInfo | null>(null);
  useEffect(() => {
    let live = true;
    void fetchSession().then((s) => live && setSession(s));
    return () => {
      live = false;
    };
  }, []);
  return session;
}
