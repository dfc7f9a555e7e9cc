'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

export type SessionInfo = { signedIn: false } | { signedIn: true; email: string; role: string };

// One request per page, shared by every island on it; asked again after a navigation
// (signing in or out moves to another page).
let cached: { path: string; promise: Promise<SessionInfo> } | null = null;

function fetchSession(path: string): Promise<SessionInfo> {
  if (cached?.path !== path) {
    const promise = fetch('/api/session', { credentials: 'same-origin', cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<SessionInfo>) : { signedIn: false as const }))
      .catch(() => ({ signedIn: false as const }));
    cached = { path, promise };
  }
  return cached.promise;
}

/** Who is signed in, asked from the browser so the cached page stays the same for everyone; null until known. */
export function useSession(): SessionInfo | null {
  const path = usePathname() ?? '/';
  const [session, setSession] = useState<SessionInfo | null>(null);
  useEffect(() => {
    let live = true;
    void fetchSession(path).then((s) => live && setSession(s));
    return () => {
      live = false;
    };
  }, [path]);
  return session;
}
