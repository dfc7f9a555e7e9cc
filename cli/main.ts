import readline from 'node:readline';
import { AuthError } from '../lib/auth/users';
import { UserFacingError } from '../lib/shared/errors';
import { assertArgsAreUtf8OrThrow } from './argv-text';
import { UsageError, type Io } from './context';

export type { Io } from './context';

const USAGE = `Usage: claims <command> [options]

Content
  migrate                                  apply pending database migrations
  check  [--dir DIR] [--seed-dir DIR] [--full]
                                           validate the claim files and seed data changed since the last
                                           ingest (--full: all of them); writes nothing
  ingest [--dir DIR] [--seed-dir DIR] [--full] [--as NAME]
                                           check, then sync what changed into the database
  draft  --from FILE --source ID [--lang L] [--top N] [--dir DIR]
                                           rank an article's checkable sentences (text, HTML or Markdown),
                                           show which the ledger holds, write the top N new ones as
                                           status: draft records into claims/

Evidence (acting as an editor: --as <email>)
  evidence add --claim ID --source ID --stance S --excerpt TEXT --as EMAIL
               [--target T] [--lang L] [--translation T] [--locator L]
               [--figure TEXT [--unit U] [--measure KEY] | --value N --unit U]
               [--as-of DATE] [--note MARKDOWN]   (--figure: "US$78.4M", "5 億美元", "1.5%–34%")
  evidence list --claim ID [--all]
  confidence add --claim ID --reason TEXT --as EMAIL [--confidence 0..1] [--verdict V] [--evidence ID,ID]

Archived copies and quotes
  capture add --source ID (--file FILE [--type MEDIA_TYPE] | --fetch) --as EMAIL
                                           archive a copy of a source (HTML, text or PDF), a new version
  quotes verify [--source ID]              re-anchor every quote against the newest captures and report;
                                           exits 1 when a quote is orphaned or only approximate

Accounts
  user add EMAIL --role editor|admin [--password-stdin]
  user list | user role EMAIL ROLE | user disable EMAIL | user enable EMAIL
  user reset-password EMAIL [--password-stdin]
  user publish EMAIL --name NAME | user unpublish EMAIL
                                           list an editor on /about under the name they chose, or not
  token create EMAIL [--name NAME]         prints a personal API token once
  token list [--email EMAIL] | token revoke TOKEN_ID

Data
  backup FILE                              consistent online copy of the SQLite database
  export [--with-credentials] [--out FILE] everything as JSON Lines (stdout by default)
  export --open [--out DIR]                the public dataset (JSON Lines + CSV, data dictionary, licence)
                                           into DIR (default OPEN_DATA_DIR, .data/open), served at /data
  import FILE|-                            load an export into a freshly migrated, empty database

Environment: DATABASE_URL (default file:.data/claims.sqlite), CLAIMS_DIR (default claims).`;

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (data += chunk));
    stream.on('end', () => resolve(data));
    stream.on('error', reject);
  });
}

function promptSecret(question: string): Promise<string> {
  if (!process.stdin.isTTY) return Promise.reject(new UsageError('no terminal to ask for a password: use --password-stdin'));
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Echo nothing while the password is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.includes(question)) process.stderr.write(question);
  };
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    }),
  );
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readStdin: () => readAll(process.stdin),
  promptSecret,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    assertArgsAreUtf8OrThrow(argv);
    // Each command's module is loaded only when it runs: start-up is part of every command's cost.
    switch (command) {
      case 'migrate':
        return await (await import('./commands/content')).migrateCommand(rest, io);
      case 'check':
      case 'ingest':
        return await (await import('./commands/content')).checkOrIngestCommand(command, rest, io);
      case 'draft':
        return await (await import('./commands/intake')).draftCommand(rest, io);
      case 'evidence':
        return await (await import('./commands/evidence')).evidenceCommand(rest, io);
      case 'confidence':
        return await (await import('./commands/evidence')).confidenceCommand(rest, io);
      case 'capture':
        return await (await import('./commands/quotes')).captureCommand(rest, io);
      case 'quotes':
        return await (await import('./commands/quotes')).quotesCommand(rest, io);
      case 'user':
        return await (await import('./commands/users')).userCommand(rest, io);
      case 'token':
        return await (await import('./commands/users')).tokenCommand(rest, io);
      case 'backup':
        return await (await import('./commands/data')).backupCommand(rest, io);
      case 'export':
        return await (await import('./commands/data')).exportCommand(rest, io);
      case 'import':
        return await (await import('./commands/data')).importCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`claims: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof UserFacingError || error instanceof AuthError) {
      io.err(`claims: ${error instanceof UserFacingError && error.field ? `${error.field}: ` : ''}${error.message}`);
      return 1;
    }
    if (error instanceof Error && error.name === 'ZodError') {
      const issue = (error as unknown as { issues: { path: PropertyKey[]; message: string }[] }).issues[0];
      io.err(`claims: ${issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : error.message}`);
      return 1;
    }
    io.err(`claims: ${(error as Error).message}`);
    return 1;
  }
}
