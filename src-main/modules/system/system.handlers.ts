import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { integrityCheck } from '../../adapters/db/backup';
import { migrationState } from '../../adapters/db/migrate';
import { APP_VERSION } from '../../version';
import { countOrders } from '../orders';

export const systemHandlers = (ctx: CoreContext, opts: { dbPath: string; migrationsDir: string }) =>
  ({
    'system.info': () => {
      const state = migrationState(ctx.sqlite, opts.migrationsDir);
      const orders = countOrders(ctx, {});
      return { version: APP_VERSION, dbPath: opts.dbPath, schemaVersion: state.applied, orders };
    },
    'system.check': () => {
      const integrity = integrityCheck(ctx.sqlite);
      const migrations = migrationState(ctx.sqlite, opts.migrationsDir);
      const foreignKeyViolations = (ctx.sqlite.pragma('foreign_key_check') as unknown[]).length;
      return {
        ok:
          integrity.length === 1 &&
          integrity[0] === 'ok' &&
          migrations.pending.length === 0 &&
          foreignKeyViolations === 0,
        integrity,
        migrations,
        foreignKeyViolations,
      };
    },
  }) satisfies Partial<Handlers>;
