import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { readSettings, writeSetting } from './settings.repo';

export const settingsHandlers = (ctx: CoreContext) =>
  ({
    'settings.get': ({ keys }) => ({ values: readSettings(ctx.db, keys) }),
    'settings.set': ({ key, value }) => {
      writeSetting(ctx.db, key, value, ctx.now());
      ctx.emit('settings.changed', { what: 'settings' });
      return { key };
    },
  }) satisfies Partial<Handlers>;
