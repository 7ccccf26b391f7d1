import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { readSettings, writeSetting } from './settings.repo';
import { setSupervisorPin, supervisorPinIsSet } from './supervisor-pin';
import { listBoxes, saveBoxes } from './boxes';

export const settingsHandlers = (ctx: CoreContext) =>
  ({
    'settings.get': ({ keys }) => ({ values: readSettings(ctx.db, keys) }),
    'settings.set': ({ key, value }) => {
      writeSetting(ctx.db, key, value, ctx.now());
      ctx.emit('settings.changed', { what: 'settings', key });
      return { key };
    },
    'settings.supervisorPin.status': () => ({ set: supervisorPinIsSet(ctx.db) }),
    'settings.supervisorPin.set': (input, call) => setSupervisorPin(ctx, input, call.actor),
    'boxes.list': () => ({ rows: listBoxes(ctx.db) }),
    'boxes.save': ({ rows }) => saveBoxes(ctx, rows),
  }) satisfies Partial<Handlers>;
