import { readFileSync } from 'node:fs';
import { AppFailure } from '../../../src-shared/result';
import { fsReason } from '../../adapters/files/fs-error';
import { must, UsageError, type Command } from '../cli-env';

interface RunResult {
  considered: number;
  allocated: number[];
  backordered: number[];
  exception: number[];
  split: number[];
  merged: number[];
}

export const routeCommand: Command = {
  name: 'route',
  usage: 'route run | route rates FILE.csv',
  summary: 'allocate every approved order (warehouse, carrier, stock), or import carrier rate tables',
  async run(args, env) {
    const [sub, ...rest] = args;
    if (sub === 'rates') return importRates(rest, env);
    if (sub !== 'run')
      throw new UsageError(
        sub ? `unknown subcommand "route ${sub}"` : 'route needs a subcommand: run or rates',
      );
    if (rest.length) throw new UsageError(`route run takes no arguments, got "${rest.join(' ')}"`);
    const started = performance.now();
    const r = await must<RunResult>(env.core().call('routing.run', {}, { actor: 'cli' }));
    const seconds = (performance.now() - started) / 1000;
    // Counts for every outcome; ids only where someone has to act on them.
    const doc = {
      considered: r.considered,
      allocated: r.allocated.length,
      backordered: r.backordered.length,
      exception: r.exception.length,
      split: r.split.length,
      merged: r.merged.length,
      backorderedIds: r.backordered,
      exceptionIds: r.exception,
      seconds: Number(seconds.toFixed(3)),
    };
    env.print(doc, () =>
      [
        `Routed ${r.considered} approved orders in ${seconds.toFixed(2)} s`,
        `  allocated    ${r.allocated.length}`,
        `  backordered  ${r.backordered.length}${r.backordered.length ? `  (${r.backordered.slice(0, 20).join(', ')}${r.backordered.length > 20 ? ', …' : ''})` : ''}`,
        `  split        ${r.split.length}  (orders split by warehouse)`,
        `  merged       ${r.merged.length}  (new orders from merging one buyer's orders)`,
        `  exception    ${r.exception.length}${r.exception.length ? `  (${r.exception.slice(0, 20).join(', ')}${r.exception.length > 20 ? ', …' : ''}; see orders show ID)` : ''}`,
      ].join('\n'),
    );
    return 0;
  },
};

/** Every problem of a refused file goes to stderr with its row and column, not only the first. */
async function importRates(args: string[], env: Parameters<Command['run']>[1]): Promise<number> {
  if (args.length !== 1) throw new UsageError('route rates needs one CSV file');
  const file = args[0]!;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new AppFailure('not_found', `${file}: cannot be read (${fsReason(e)})`);
  }
  // A spreadsheet or image handed over by mistake would otherwise come back as pages of garbage.
  if (bytes.includes(0))
    throw new AppFailure('invalid_input', `${file} is not a CSV text file; save the rate table as CSV UTF-8`);
  const csv = bytes.toString('utf8');
  const r = await env.core().call('rates.import', { csv }, { actor: 'cli' });
  if (!r.ok) {
    const issues = r.error.issues ?? [];
    if (env.json) process.stderr.write(JSON.stringify({ error: r.error }) + '\n');
    else
      process.stderr.write(
        [`packdesk route rates: ${r.error.message}`, ...issues.map((i) => `  ${i.path}: ${i.message}`)].join(
          '\n',
        ) + '\n',
      );
    return 1;
  }
  const v = r.value as { imported: number; carriers: string[] };
  env.print(v, () => `Imported ${v.imported} rate rows for ${v.carriers.join(', ')}`);
  return 0;
}
