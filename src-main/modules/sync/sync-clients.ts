import { z } from 'zod';
import type { ChannelIo } from '../../adapters/channels/channel-http';
import type { ChannelClient, ChannelPusher } from '../../adapters/channels/channel-order';
import { createShopifyClient } from '../../adapters/channels/shopify/shopify-client';
import { createWooClient } from '../../adapters/channels/woocommerce/woocommerce-client';
import { AppFailure } from '../../../src-shared/result';
import type { ApiChannelRow } from './sync.repo';

/** What is encrypted in channel_secrets, per channel kind. */
export const credentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shopify'), accessToken: z.string() }),
  z.object({ kind: z.literal('woocommerce'), consumerKey: z.string(), consumerSecret: z.string() }),
]);
export type Credentials = z.infer<typeof credentialsSchema>;

/** The channel's API client: pulls orders for sync, pushes tracking for the outbox. */
export function clientFor(
  channel: ApiChannelRow,
  creds: Credentials,
  io: ChannelIo,
): ChannelClient & ChannelPusher {
  if (!channel.api)
    throw new AppFailure(
      'invalid_input',
      `Channel "${channel.name}" has no shop address yet; enter it in the channel's connection settings`,
    );
  if (creds.kind !== channel.kind)
    throw new AppFailure(
      'conflict',
      `Channel "${channel.name}" is ${channel.kind} but its stored credentials are for ${creds.kind}; enter them again`,
    );
  if (creds.kind === 'shopify')
    return createShopifyClient({ shop: channel.api.url, accessToken: creds.accessToken, io });
  return createWooClient({
    siteUrl: channel.api.url,
    consumerKey: creds.consumerKey,
    consumerSecret: creds.consumerSecret,
    io,
  });
}
