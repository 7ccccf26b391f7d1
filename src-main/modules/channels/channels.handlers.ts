import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Channel, WatchFolder } from '../../../src-shared/contract/settings.contract';
import type { ChannelKind } from '../../../src-shared/domain/ids';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import {
  findChannel,
  findChannelByCode,
  insertChannel,
  listChannels,
  orderCountsByChannel,
  saveWatchConfig,
  updateChannel,
  watchConfigOf,
  type ChannelRow,
} from './channels.repo';

/** The folder is on the computer that runs the core: it must be an absolute path to a folder that exists. */
function checkedWatchFolder(w: WatchFolder): WatchFolder {
  const fail = (message: string): never => {
    throw new AppFailure('invalid_input', `watchFolder.dir: ${message}`, [
      { path: 'watchFolder.dir', message },
    ]);
  };
  if (!isAbsolute(w.dir)) fail('must be a full path, such as D:\\exports\\taobao or /home/shop/exports');
  let isDir = false;
  try {
    isDir = statSync(w.dir).isDirectory();
  } catch {
    fail(`folder "${w.dir}" does not exist on the computer running Packdesk`);
  }
  if (!isDir) fail(`"${w.dir}" is a file, not a folder`);
  return w;
}

const toChannel = (r: ChannelRow, count: number): Channel => ({
  id: r.id,
  code: r.code,
  kind: r.kind as ChannelKind,
  name: r.name,
  currency: r.currency,
  enabled: r.enabled,
  orderCount: count,
  watchFolder: watchConfigOf(r.configJson),
});

export const channelsHandlers = (ctx: CoreContext) =>
  ({
    'channels.list': () => {
      const counts = orderCountsByChannel(ctx.sqlite);
      return { rows: listChannels(ctx.db).map((r) => toChannel(r, counts.get(r.id) ?? 0)) };
    },
    'channels.save': (input, call) => {
      const { id, watchFolder, ...values } = input;
      const watch = watchFolder ? checkedWatchFolder(watchFolder) : watchFolder;
      const sameCode = findChannelByCode(ctx.db, values.code);
      if (sameCode && sameCode.id !== id) {
        throw new AppFailure(
          'conflict',
          `Channel code "${values.code}" is already used by "${sameCode.name}"`,
          [{ path: 'code', message: 'is already used' }],
        );
      }
      let row: ChannelRow;
      if (id === undefined) row = insertChannel(ctx.db, values, ctx.now());
      else {
        const before = findChannel(ctx.db, id);
        if (!before) throw new AppFailure('not_found', `Channel ${id} does not exist`);
        if (before.kind !== values.kind && orderCountsByChannel(ctx.sqlite).get(id)) {
          throw new AppFailure(
            'conflict',
            `Channel "${before.name}" already has orders; its kind cannot change`,
            [{ path: 'kind', message: 'cannot change once orders exist' }],
          );
        }
        row = updateChannel(ctx.db, id, values, ctx.now());
      }
      if (watch !== undefined) {
        saveWatchConfig(ctx.sqlite, row.id, watch, ctx.now());
        row = findChannel(ctx.db, row.id)!;
      }
      recordAudit(ctx.db, {
        at: ctx.now(),
        actor: call.actor,
        entity: 'channel',
        entityId: row.id,
        action: id ? 'edit' : 'create',
        data: watch === undefined ? values : { ...values, watchFolder: watch },
      });
      ctx.emit('settings.changed', { what: 'channels' });
      return toChannel(row, orderCountsByChannel(ctx.sqlite).get(row.id) ?? 0);
    },
  }) satisfies Partial<Handlers>;
