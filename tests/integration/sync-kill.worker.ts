// Forked by sync-kill.test.ts: pulls a Shopify channel in its own process, reporting each committed page, until killed.
import { createCore } from '../../src-main/compose';
import { pullChannel } from '../../src-main/modules/sync/sync-pull.service';
import { orderSink } from '../../src-main/modules/sync/sync-write';
import { createShopifyClient } from '../../src-main/adapters/channels/shopify/shopify-client';
import { defaultChannelIo } from '../../src-main/adapters/channels/channel-http';

const [dbPath, url, token, channelId] = process.argv.slice(2) as [string, string, string, string];

async function main(): Promise<void> {
  const core = createCore({ dbPath });
  const channel = { id: Number(channelId), kind: 'shopify' };
  const client = createShopifyClient({ shop: url, accessToken: token, io: defaultChannelIo() });
  const counts = await pullChannel(core.ctx, channel.id, client, orderSink(core.ctx, channel, 'sync'), {
    // Sent only after the page's transaction committed: an acknowledgement the test may rely on.
    hooks: { onPage: (c) => process.send?.({ page: c.pages, imported: c.imported }) },
  });
  process.send?.({ done: counts });
  core.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
