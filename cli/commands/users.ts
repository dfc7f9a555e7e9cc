import { parseArgs } from 'node:util';
import type { Role } from '../../db/schema';
import {
  createApiToken, createUser, disableUser, enableUser, listApiTokens, listUsers, resetPassword, revokeApiToken, ROLES, setUserPublicName, setUserRole,
} from '../../lib/auth/users';
import { requireArg, UsageError, withDb, type Io } from '../context';

function parseRole(value: string | undefined): Role {
  if (!value || !(ROLES as readonly string[]).includes(value)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return value as Role;
}

async function readPassword(io: Io, fromStdin: boolean | undefined): Promise<string> {
  if (fromStdin) return (await io.readStdin()).replace(/\r?\n$/, '');
  const first = await io.promptSecret('Password: ');
  const again = await io.promptSecret('Repeat password: ');
  if (first !== again) throw new UsageError('the passwords differ');
  return first;
}

export async function userCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { role: { type: 'string' }, 'password-stdin': { type: 'boolean' }, name: { type: 'string' } },
  });
  switch (sub) {
    case 'add': {
      const email = requireArg(positionals[0], '<email>');
      const role = parseRole(values.role);
      const password = await readPassword(io, values['password-stdin']);
      const user = await withDb((db) => createUser(db, { email, password, role }));
      io.out(`added ${user.email} (${user.role})`);
      return 0;
    }
    case 'publish':
    case 'unpublish': {
      const email = requireArg(positionals[0], '<email>');
      const name = sub === 'publish' ? requireArg(values.name, '--name') : null;
      await withDb((db) => setUserPublicName(db, email, name));
      io.out(sub === 'publish' ? `${email} is listed on /about as ${name}` : `${email} is no longer listed on /about`);
      return 0;
    }
    case 'list': {
      const users = await withDb(listUsers);
      if (!users.length) io.out('no users');
      for (const u of users) io.out(`${u.email}\t${u.role}${u.disabled ? '\tdisabled' : ''}\tsince ${u.createdAt.slice(0, 10)}`);
      return 0;
    }
    case 'role': {
      const email = requireArg(positionals[0], '<email>');
      const role = parseRole(positionals[1] ?? values.role);
      await withDb((db) => setUserRole(db, email, role));
      io.out(`${email} is now ${role}`);
      return 0;
    }
    case 'disable':
    case 'enable': {
      const email = requireArg(positionals[0], '<email>');
      await withDb((db) => (sub === 'disable' ? disableUser(db, email) : enableUser(db, email)));
      io.out(`${email} ${sub}d`);
      return 0;
    }
    case 'reset-password': {
      const email = requireArg(positionals[0], '<email>');
      const password = await readPassword(io, values['password-stdin']);
      await withDb((db) => resetPassword(db, email, password));
      io.out(`password reset for ${email}; their sessions were ended`);
      return 0;
    }
    default:
      throw new UsageError(`unknown user command "${sub ?? ''}": add, list, role, disable, enable, reset-password, publish, unpublish`);
  }
}

export async function tokenCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { name: { type: 'string' }, email: { type: 'string' } } });
  switch (sub) {
    case 'create': {
      const email = requireArg(positionals[0], '<email>');
      const { id, token } = await withDb((db) => createApiToken(db, email, values.name ?? 'default'));
      io.err(`token ${id} for ${email}: shown once, store it now (only its hash is kept)`);
      io.out(token);
      return 0;
    }
    case 'list': {
      const tokens = await withDb((db) => listApiTokens(db, values.email ?? positionals[0]));
      if (!tokens.length) io.out('no tokens');
      for (const t of tokens) {
        io.out(`${t.id}\t${t.email}\t${t.name}\tcreated ${t.createdAt.slice(0, 10)}\t${t.revokedAt ? `revoked ${t.revokedAt.slice(0, 10)}` : `last used ${t.lastUsedAt?.slice(0, 10) ?? 'never'}`}`);
      }
      return 0;
    }
    case 'revoke': {
      const id = requireArg(positionals[0], '<token id>');
      await withDb((db) => revokeApiToken(db, id));
      io.out(`revoked ${id}`);
      return 0;
    }
    default:
      throw new UsageError(`unknown token command "${sub ?? ''}": create, list, revoke`);
  }
}
