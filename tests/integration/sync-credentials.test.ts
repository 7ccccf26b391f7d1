import { aCore, value } from '../fixtures/core';
import { aSecretStore } from '../fixtures/fake-secret-store';
import { startFakeShopify, type FakeShopify } from '../fixtures/fake-shopify';
import { aClock, aSyncedChannel } from '../fixtures/sync-harness';
import { plainTextRefusal } from '../../src-main/adapters/secrets/secret-store.port';
import { contract, type OpName } from '../../src-shared/contract';

const TOKEN = 'shpat_SECRET_never_shown_9876';

describe('channel credentials', () => {
  let shop: FakeShopify;
  beforeEach(async () => {
    shop = await startFakeShopify({ now: Date.now, token: TOKEN });
  });
  afterEach(() => shop.close());

  it('refuses to store them where only a plain-text backend exists, saying why and what to do', async () => {
    const core = aCore({
      sync: {
        secrets: aSecretStore({
          available: false,
          backend: 'basic_text',
          reason: plainTextRefusal('basic_text'),
        }),
      },
    });
    try {
      const ch = await value(
        core.call('channels.save', { code: 'shop', kind: 'shopify', name: 'Shop', currency: 'USD' }),
      );
      const r = await core.call('channels.setCredentials', {
        channelId: ch.id,
        credentials: { kind: 'shopify', accessToken: TOKEN },
      });
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'unavailable',
          message: expect.stringMatching(/plain text.*install and unlock a keyring/s),
        },
      });
      expect(core.ctx.sqlite.prepare('select count(*) as n from channel_secrets').get()).toEqual({ n: 0 });
      const status = await value(core.call('sync.status', {}));
      expect(status.secretStore).toMatchObject({ available: false, backend: 'basic_text' });
    } finally {
      core.dispose();
    }
  });

  it('refuses them in the CLI/serve host, which has no keychain', async () => {
    const core = aCore();
    try {
      const ch = await value(
        core.call('channels.save', { code: 'shop', kind: 'shopify', name: 'Shop', currency: 'USD' }),
      );
      const r = await core.call('channels.setCredentials', {
        channelId: ch.id,
        credentials: { kind: 'shopify', accessToken: TOKEN },
      });
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'unavailable',
          message: expect.stringMatching(/command line or packdesk serve.*desktop app/s),
        },
      });
    } finally {
      core.dispose();
    }
  });

  it('stores only ciphertext and never returns the secret from any operation', async () => {
    const clock = aClock(Date.now());
    const h = await aSyncedChannel({
      kind: 'shopify',
      url: shop.url,
      credentials: { kind: 'shopify', accessToken: TOKEN },
      clock,
    });
    try {
      const row = h.core.ctx.sqlite.prepare('select backend, ciphertext from channel_secrets').get() as {
        backend: string;
        ciphertext: Buffer;
      };
      expect(row.backend).toBe('test_keychain');
      expect(row.ciphertext.includes(Buffer.from(TOKEN))).toBe(false);
      // Nothing in the database file holds the token in clear (audit, config, WAL included).
      h.core.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const { readFileSync } = await import('node:fs');
      expect(readFileSync(h.core.dbPath).includes(Buffer.from(TOKEN))).toBe(false);

      const test = await value(h.core.call('channels.testConnection', { channelId: h.channelId }));
      expect(test).toEqual({
        ok: true,
        shopName: 'Fake Outfitters',
        message: 'Connected to Fake Outfitters',
      });
      await value(h.core.call('sync.now', { channelId: h.channelId, wait: true }));

      // Every read operation that takes no arguments, plus the sync ones: none may carry the token.
      const outputs: unknown[] = [];
      for (const name of Object.keys(contract) as OpName[]) {
        if (contract[name].kind !== 'read' || name === 'sync.now') continue;
        const r = await h.core.call(name, {});
        if (r.ok) outputs.push(r.value);
      }
      outputs.push(await h.core.call('sync.configure', { channelId: h.channelId, url: shop.url }));
      outputs.push(
        await h.core.call('channels.setCredentials', {
          channelId: h.channelId,
          credentials: { kind: 'shopify', accessToken: TOKEN },
        }),
      );
      outputs.push(await h.core.call('channels.testConnection', { channelId: h.channelId }));
      expect(outputs.length).toBeGreaterThan(10);
      const text = JSON.stringify(outputs);
      expect(text).toContain('test_keychain');
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('SECRET_never');
    } finally {
      h.core.dispose();
    }
  });

  it('validates credentials and the shop address before storing anything', async () => {
    const core = aCore({ sync: { secrets: aSecretStore() } });
    try {
      const woo = await value(
        core.call('channels.save', { code: 'woo', kind: 'woocommerce', name: 'Woo', currency: 'USD' }),
      );
      const bad = await core.call('channels.setCredentials', {
        channelId: woo.id,
        credentials: { kind: 'woocommerce', consumerKey: 'key', consumerSecret: 'cs_x' },
      });
      expect(bad).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          issues: [{ path: 'credentials.consumerKey', message: 'must be the consumer key (ck_…)' }],
        },
      });
      const wrongKind = await core.call('channels.setCredentials', {
        channelId: woo.id,
        credentials: { kind: 'shopify', accessToken: TOKEN },
      });
      expect(wrongKind).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(/is a woocommerce channel/) },
      });
      const http = await core.call('sync.configure', { channelId: woo.id, url: 'http://shop.example.com' });
      expect(http).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          issues: [{ path: 'url', message: expect.stringMatching(/https:\/\//) }],
        },
      });
      expect(core.ctx.sqlite.prepare('select count(*) as n from channel_secrets').get()).toEqual({ n: 0 });
    } finally {
      core.dispose();
    }
  });

  it('a host without a keychain leaves channels connected elsewhere alone, and says why on "sync now"', async () => {
    let fetched = 0;
    const core = aCore({
      sync: { io: { fetch: (async () => (fetched++, new Response('{}'))) as typeof fetch } },
    });
    try {
      const ch = await value(
        core.call('channels.save', { code: 'shop', kind: 'shopify', name: 'Shop', currency: 'USD' }),
      );
      await value(core.call('sync.configure', { channelId: ch.id, url: shop.url }));
      // Stored by the desktop app on the same database.
      core.ctx.sqlite
        .prepare(
          "insert into channel_secrets (channel_id, backend, ciphertext, updated_at) values (?, 'keychain', x'00', 0)",
        )
        .run(ch.id);
      await core.sync.tick();
      expect(fetched).toBe(0);
      expect(core.ctx.sqlite.prepare('select count(*) as n from sync_state').get()).toEqual({ n: 0 });
      await core.call('sync.now', { channelId: ch.id, wait: true });
      expect(fetched).toBe(0);
      const st = (await value(core.call('sync.status', {}))).channels[0];
      expect(st).toMatchObject({
        state: 'error',
        lastError: expect.stringMatching(/cannot be read on this host.*desktop app/s),
      });
    } finally {
      core.dispose();
    }
  });
});
