import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { backupTo, restoreFrom, verifyDatabaseFile } from '../../adapters/db/backup';
import { createCore } from '../../compose';
import { must, UsageError, type Command } from '../cli-env';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --out FILE',
  summary: 'online backup, integrity-checked, written atomically',
  async run(args, env) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
    if (!values.out) throw new UsageError('backup needs --out FILE');
    const result = await backupTo(env.core().ctx.sqlite, resolve(values.out));
    env.print(
      result,
      () => `Backed up to ${result.path} (${(result.bytes / 1024).toFixed(0)} KiB), integrity ok`,
    );
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore FILE',
  summary: 'replace the database with a verified backup',
  async run(args, env) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const file = positionals[0];
    if (!file) throw new UsageError('restore needs the backup FILE');
    const source = resolve(file);
    verifyDatabaseFile(source);
    restoreFrom(source, resolve(env.dbPath));
    // Bring a restored older backup up to the current schema straight away.
    const core = createCore({ dbPath: env.dbPath });
    const info = await must<{ orders: number }>(core.call('system.info', {}));
    core.close();
    env.print(
      { restored: source, db: env.dbPath, orders: info.orders },
      () => `Restored ${source} → ${env.dbPath} (${info.orders} orders)`,
    );
    return 0;
  },
};

export const checkCommand: Command = {
  name: 'check',
  usage: 'check',
  summary: 'integrity check and migration state',
  async run(args, env) {
    if (args.length) throw new UsageError(`check takes no arguments, got "${args.join(' ')}"`);
    const r = await must<{
      ok: boolean;
      integrity: string[];
      migrations: { applied: number; known: number; pending: string[] };
      foreignKeyViolations: number;
    }>(env.core().call('system.check', {}, { actor: 'cli' }));
    env.print(r, () =>
      [
        `Integrity: ${r.integrity.join('; ')}`,
        `Migrations: ${r.migrations.applied}/${r.migrations.known} applied${r.migrations.pending.length ? `, pending ${r.migrations.pending.join(', ')}` : ''}`,
        `Foreign key violations: ${r.foreignKeyViolations}`,
        r.ok ? 'OK' : 'PROBLEMS FOUND',
      ].join('\n'),
    );
    return r.ok ? 0 : 1;
  },
};
