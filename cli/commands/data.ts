import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { backupSqliteOrThrow } from '../../db/backup';
import { exportDatabase, importDatabase } from '../../lib/portability/dump';
import { getOpenDataDir } from '../../lib/env';
import { writeOpenDataset } from '../../lib/open-data/export';
import { requireArg, UsageError, withDb, type Io } from '../context';

export async function backupCommand(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = requireArg(positionals[0], '<file>');
  await withDb((db) => backupSqliteOrThrow(db, file));
  io.out(`backed up to ${file}`);
  return 0;
}

export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { 'with-credentials': { type: 'boolean' }, out: { type: 'string' }, open: { type: 'boolean' } } });
  if (values.open) {
    if (values['with-credentials']) throw new UsageError('--open writes the public dataset: it never holds credentials (leave out --with-credentials)');
    const dir = values.out ? path.resolve(values.out) : getOpenDataDir();
    const manifest = await withDb((db) => writeOpenDataset(db, dir));
    for (const f of manifest.files) io.out(`${f.name}\t${f.bytes} bytes${f.rows !== undefined ? `\t${f.rows} rows` : ''}`);
    io.err(`open dataset written to ${dir} (${manifest.generatedAt}); /data serves it`);
    return 0;
  }
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
