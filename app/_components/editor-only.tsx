'use client';

import type { ReactNode } from 'react';
import { useSession } from './use-session';

/**
 * Editor controls on a cached page: rendered only once the browser learns that an editor
 * is signed in. Hiding is a convenience; every action checks the session itself.
 */
export function EditorOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  return session?.signedIn ? <>{children}</> : null;
}
