import { defaultDbPath } from '../adapters/db/location';
import { AppFailure } from '../../src-shared/result';
import { APP_VERSION } from '../version';
import { makeEnv, UsageError, type Command } from './cli-env';
import { COMMANDS } from './commands';

function help(): string {
  const lines = COMMANDS.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]);
  return [
    `packdesk ${APP_VERSION} — offline order, warehouse and shipping desk`,
    '',
    'Usage: packdesk [--db PATH] [--json] <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Global options:',
    '  --db PATH   database file (default: $PACKDESK_DB, else the per-user data folder)',
    '  --json      print exactly one JSON document on stdout',
    '  --help      this text; `packdesk <command> --help` for one command',
  ].join('\n');
}

/** A likely typo of `name`: one letter changed, added, dropped or two swapped. */
function closeTo(typed: string, name: string): boolean {
  const a = typed.toLowerCase();
  if (a === name) return true;
  if (Math.abs(a.length - name.length) > 1) return false;
  const swapped = [...Array(Math.max(0, a.length - 1)).keys()].some(
    (i) => a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2) === name,
  );
  let i = 0;
  while (i < a.length && a[i] === name[i]) i++;
  const rest = (x: string, skip: number) => x.slice(i + skip);
  return (
    swapped || rest(a, 1) === rest(name, 1) || rest(a, 1) === rest(name, 0) || rest(a, 0) === rest(name, 1)
  );
}

/** Splits global options (before the command) from the command and its own arguments. */
function splitGlobal(argv: string[]): {
  db?: string;
  json: boolean;
  help: boolean;
  version: boolean;
  rest: string[];
} {
  const out = {
    db: undefined as string | undefined,
    json: false,
    help: false,
    version: false,
    rest: [] as string[],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') out.json = true;
    else if (a === '--db') {
      const v = argv[++i];
      if (!v) throw new UsageError('--db needs a file path');
      out.db = v;
    } else if (a.startsWith('--db=')) out.db = a.slice(5);
    else if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--version' || a === '-v') out.version = true;
    else {
      out.rest = argv.slice(i);
      break;
    }
  }
  // `packdesk orders list --json` and `packdesk restore FILE --db PATH` work too: both are global
  // wherever they stand (no command has an option of the same name).
  for (let i = 1; i < out.rest.length; i++) {
    const a = out.rest[i] as string;
    if (a === '--') break;
    if (a === '--json') {
      out.json = true;
      out.rest.splice(i--, 1);
    } else if (a === '--db' || a.startsWith('--db=')) {
      const v = a === '--db' ? out.rest[i + 1] : a.slice(5);
      if (!v) throw new UsageError('--db needs a file path');
      out.db = v;
      out.rest.splice(i--, a === '--db' ? 2 : 1);
    }
  }
  return out;
}

export async function main(argv: string[]): Promise<number> {
  let g;
  try {
    g = splitGlobal(argv);
  } catch (e) {
    process.stderr.write(`packdesk: ${(e as Error).message}\n`);
    return 2;
  }
  if (g.version) {
    process.stdout.write(g.json ? JSON.stringify({ version: APP_VERSION }) + '\n' : `${APP_VERSION}\n`);
    return 0;
  }
  // `packdesk help` and `packdesk help import` read as --help.
  if (g.rest[0] === 'help') {
    g.help = true;
    g.rest.shift();
  }
  const [name, ...args] = g.rest;
  const command: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (g.help && !command) {
    process.stdout.write(help() + '\n');
    return 0;
  }
  if (!name) {
    // Called with no command: the list goes with the mistake to stderr, and the exit code says so.
    process.stderr.write(`packdesk: which command?\n\n${help()}\n`);
    return 2;
  }
  if (!command) {
    const near = COMMANDS.find((c) => closeTo(name, c.name));
    const message = `unknown command "${name}".${near ? ` Did you mean \`packdesk ${near.name}\`?` : ''} Run \`packdesk --help\` for the list.`;
    process.stderr.write(
      g.json ? JSON.stringify({ error: { code: 'usage', message } }) + '\n' : `packdesk: ${message}\n`,
    );
    return 2;
  }
  if (g.help || args.includes('--help')) {
    process.stdout.write(`Usage: packdesk ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  // The dispatcher's slow-call warnings are for developers; on a one-shot command they only add
  // noise to stderr, which scripts read for errors. `serve` keeps them (a long-running host's log).
  if (command.name !== 'serve') process.env.PACKDESK_QUIET ??= '1';
  const env = makeEnv(g.db ?? defaultDbPath(), g.json);
  try {
    return await command.run(args, env);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith?.('ERR_PARSE_ARGS')) {
      const { message } = e as Error;
      // With --json a script reads stderr as JSON too, whichever way the command failed.
      process.stderr.write(
        g.json
          ? JSON.stringify({ error: { code: 'usage', message, usage: `packdesk ${command.usage}` } }) + '\n'
          : `packdesk ${command.name}: ${message}\nUsage: packdesk ${command.usage}\n`,
      );
      return 2;
    }
    // A bug, not a mistake of the caller: one line, the stack only when asked for.
    const message =
      e instanceof AppFailure
        ? e.message
        : `unexpected error: ${
            process.env.PACKDESK_DEBUG === '1'
              ? ((e as Error)?.stack ?? String(e))
              : `${(e as Error)?.message ?? String(e)} (a bug in Packdesk; PACKDESK_DEBUG=1 shows where)`
          }`;
    process.stderr.write(
      g.json
        ? JSON.stringify({ error: { code: (e as AppFailure).code ?? 'internal', message } }) + '\n'
        : `packdesk ${command.name}: ${message}\n`,
    );
    return 1;
  } finally {
    env.dispose();
  }
}
