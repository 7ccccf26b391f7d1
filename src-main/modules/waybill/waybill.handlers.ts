import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import type { SecretStore } from '../../adapters/secrets/secret-store.port';
import type { ChannelIo } from '../../adapters/channels/channel-http';
import { accountsList, saveAccount, setAccountCredentials, testAccount } from './waybill-accounts.service';
import { orderWaybill, reprintWaybill } from './waybill.service';
import { activeByCode, orderForWaybill, retryNow } from './waybill.repo';
import type { WaybillWorker } from './waybill-worker';

export const waybillHandlers = (
  ctx: CoreContext,
  deps: { worker: WaybillWorker; secrets: SecretStore; io: ChannelIo },
) =>
  ({
    'waybill.accounts.list': async () => ({
      rows: accountsList(ctx),
      secretStore: await deps.secrets.status(),
    }),
    'waybill.accounts.save': (input, call) => {
      const a = saveAccount(ctx, input, call.actor);
      deps.worker.kick();
      return a;
    },
    'waybill.accounts.setCredentials': async ({ id, credentials }, call) => {
      const r = await setAccountCredentials(ctx, deps.secrets, id, credentials, call.actor);
      deps.worker.kick();
      return r;
    },
    'waybill.accounts.test': (input) => testAccount(ctx, deps, input),
    'waybill.order': ({ orderId }) => orderWaybill(ctx, orderId),
    'waybill.byCode': ({ code }) => {
      const w = activeByCode(ctx.sqlite, code.trim().toUpperCase()) ?? activeByCode(ctx.sqlite, code.trim());
      const o = w && orderForWaybill(ctx.sqlite, w.orderId);
      return w && o ? { orderId: w.orderId, carrier: w.carrier, status: o.status } : null;
    },
    'waybill.fetch': async ({ orderIds }) => {
      for (const id of orderIds) orderWaybill(ctx, id); // refuses an unknown order before anything runs
      ctx.sqlite.transaction(() => retryNow(ctx.sqlite, orderIds, ctx.now())).immediate();
      await deps.worker.fetchNow();
      return { rows: orderIds.map((id) => orderWaybill(ctx, id)) };
    },
    'waybill.reprint': ({ orderId, reason }, call) => reprintWaybill(ctx, orderId, reason, call.actor),
  }) satisfies Partial<Handlers>;
