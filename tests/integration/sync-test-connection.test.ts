import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCore, value } from '../fixtures/core';
import { aSecretStore } from '../fixtures/fake-secret-store';
import { startFakeShopify, type FakeShopify } from '../fixtures/fake-shopify';

const TOKEN = 'shpat_TYPED_not_saved_4242';
const WRONG = 'shpat_WRONG_typed_token_0000';

describe('test connection on what is typed in the form, before saving', () => {
  let shop: FakeShopify;
  let core: ReturnType<typeof aCore>;
  let channelId: number;
  beforeEach(async () => {
    shop = await startFakeShopify({ now: Date.now, token: TOKEN });
    core = aCore({ sync: { secrets: aSecretStore() } });
    channelId = (
      await value(
        core.call('channels.save', { code: 'shop', kind: 'shopify', name: 'Shop', currency: 'USD' }),
      )
    ).id;
  });
  afterEach(async () => {
    core.dispose();
    await shop.close();
  });

  const stored = () => ({
    secrets: core.ctx.sqlite.prepare('select count(*) from channel_secrets').pluck().get(),
    config: core.ctx.sqlite.prepare('select config_json from channels where id = ?').pluck().get(channelId),
  });

  it('connects with the typed address and token, stores neither and never echoes the token', async () => {
    const before = stored();
    const r = await value(
      core.call('channels.testConnection', {
        channelId,
        url: shop.url,
        credentials: { kind: 'shopify', accessToken: TOKEN },
      }),
    );
    expect(r).toEqual({ ok: true, shopName: 'Fake Outfitters', message: 'Connected to Fake Outfitters' });
    expect(stored()).toEqual(before);
    expect(before.secrets).toBe(0);
    expect((await value(core.call('sync.status', {}))).channels[0]).toMatchObject({
      url: '',
      hasCredentials: false,
    });
  });

  it('a wrong typed token fails with the API reason, not the token', async () => {
    const r = await value(
      core.call('channels.testConnection', {
        channelId,
        url: shop.url,
        credentials: { kind: 'shopify', accessToken: WRONG },
      }),
    );
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/401|access token|unauthori[sz]ed/i);
    expect(JSON.stringify(r)).not.toContain(WRONG);
    expect(stored().secrets).toBe(0);
  });

  it('checks the kind and address of typed values; without them it tests what is saved', async () => {
    expect(
      await core.call('channels.testConnection', {
        channelId,
        credentials: { kind: 'woocommerce', consumerKey: 'ck_abc', consumerSecret: 'cs_def' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'credentials.kind' }] } });
    expect(
      await core.call('channels.testConnection', {
        channelId,
        url: 'http://shop.example.com',
        credentials: { kind: 'shopify', accessToken: TOKEN },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'url' }] } });
    // Nothing saved yet: the stored-credentials test says what is missing.
    const nothing = await value(core.call('channels.testConnection', { channelId }));
    expect(nothing.ok).toBe(false);
    // Saved address + typed token (the form when only the token is being replaced).
    await value(core.call('sync.configure', { channelId, url: shop.url }));
    expect(
      await value(
        core.call('channels.testConnection', {
          channelId,
          credentials: { kind: 'shopify', accessToken: TOKEN },
        }),
      ),
    ).toMatchObject({ ok: true });
  });
});
