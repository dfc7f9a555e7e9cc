import type { Db } from '../../db/client';
import { createUser, getActorByEmailOrThrow, type Actor } from '../../lib/auth/users';

export const EDITOR_EMAIL = 'editor@example.org';
export const EDITOR_PASSWORD = 'correct horse battery staple';

export async function createEditor(db: Db, email = EDITOR_EMAIL, role: 'editor' | 'admin' = 'editor'): Promise<Actor> {
  await createUser(db, { email, password: EDITOR_PASSWORD, role });
  return getActorByEmailOrThrow(db, email);
}
