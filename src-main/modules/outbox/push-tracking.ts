import type { CoreContext } from '../../core-context';
import type { ChannelIo } from '../../adapters/channels/channel-http';
import type { ChannelPusher, PushResult } from '../../adapters/channels/channel-order';
import type { SecretStore } from '../../adapters/secrets/secret-store.port';
import { clientFor, connectChannel, findApiChannel, type ApiChannelRow } from '../sync';
import { carrierNameFor, trackingUrlFor } from './carrier-names';
import type { PushJobRow } from './outbox.repo';

/** How the job reaches its channel: through the channel's API, or in a bulk-shipping file the user uploads. */
export type PushRoute = { kind: 'api'; channel: ApiChannelRow } | { kind: 'export' };

/** A Shopify/WooCommerce channel with a shop address pushes; every other channel is exported. */
export function routeOf(ctx: CoreContext, channelId: number): PushRoute {
  const channel = findApiChannel(ctx.sqlite, channelId);
  return channel?.api ? { kind: 'api', channel } : { kind: 'export' };
}

export interface PushDeps {
  secrets: SecretStore;
  io: ChannelIo;
  /** Tests may swap the HTTP client; the default is the channel's real API client. */
  makePusher?: (
    channel: ApiChannelRow,
    creds: Parameters<typeof clientFor>[1],
    io: ChannelIo,
  ) => ChannelPusher;
}

/** One try of one job against the channel's API (the caller turns failures into retries). */
export async function pushJob(
  ctx: CoreContext,
  deps: PushDeps,
  job: PushJobRow,
  channel: ApiChannelRow,
): Promise<PushResult> {
  const make = deps.makePusher ?? clientFor;
  const pusher = await connectChannel(ctx, deps.secrets, channel, (creds) => make(channel, creds, deps.io));
  return pusher.pushTracking({
    orderNumber: job.orderNumber,
    company: carrierNameFor(channel.kind, job.carrier, job.carrierName),
    trackingNumber: job.trackingNumber,
    trackingUrl: trackingUrlFor(job.carrier, job.trackingNumber),
  });
}
