import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import type { Channel } from '../../../src-shared/contract/settings.contract';
import type { ChannelKind } from '../../../src-shared/domain/ids';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import {
  findChannel,
  findChannelByCode,
  insertChannel,
  listChannels,
  orderCountsByChannel,
  updateChannel,
  type ChannelRow,
} from './channels.repo';

const toChannel = (r: ChannelRow, count: number): Channel => ({
  id: r.id,
  code: r.code,
  kind: r.kind as ChannelKind,
  name: r.name,
  currency: r.currency,
  enabled: r.enabled,
  orderCount: count,
});

export const channelsHandlers = (ctx: CoreContext) =>
  ({
    'channels.list': () => {
      const counts = orderCountsByChannel(ctx.sqlite);
      return { rows: listChannels(ctx.db).map((r) => toChannel(r, counts.get(r.id) ?? 0)) };
    },
    'channels.save': (input, call) => {
      const { id, ...values } = input;
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
      recordAudit(ctx.db, {
        at: ctx.now(),
        actor: call.actor,
        entity: 'channel',
        entityId: row.id,
        action: id ? 'edit' : 'create',
        data: values,
      });
      ctx.emit('settings.changed', { what: 'channels' });
      return toChannel(row, orderCountsByChannel(ctx.sqlite).get(row.id) ?? 0);
    },
  }) satisfies Partial<Handlers>;
