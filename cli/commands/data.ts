import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { backupSqliteOrThrow } from '../../db/backup';
import { exportDatabase, importDatabase } from '../../lib/portability/dump';
import { requireArg, withDb, type Io } from '../context';

export async function backupCommand(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = requireArg(positionals[0], '<file>');
  await withDb((db) => backupSqliteOrThrow(db, file));
  io.out(`backed up to ${file}`);
  return 0;
}

export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { 'with-credentials': { type: 'boolean' }, out: { type: 'string' } } });
  await withDb(async (db) => {
    // An export names every account (and with credentials holds their hashes): owner-only,
    // also when it replaces an older file that was readable by others.
    let sink: fs.WriteStream | null = null;
    if (values.out) {
      const fd = fs.openSync(values.out, 'w', 0o600);
      fs.fchmodSync(fd, 0o600);
      sink = fs.createWriteStream('', { fd });
    }
    for await (const line of exportDatabase(db, { withCredentials: values['with-credentials'] })) {
      if (sink) sink.write(`${line}\n`);
      else io.out(line);
    }
    if (sink) await new Promise<void>((resolve, reject) => sink.end((err?: Error | null) => (err ? reject(err) : resolve())));
  });
  if (values.out) io.err(`exported to ${values.out}`);
  return 0;
}

export async function importCommand(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = requireArg(positionals[0], '<file> (or - for standard input)');
  const input = file === '-' ? process.stdin : fs.createReadStream(file, 'utf8');
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  const counts = await withDb((db) => importDatabase(db, lines));
  io.out(`imported ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ') || 'nothing'}`);
  return 0;
}
