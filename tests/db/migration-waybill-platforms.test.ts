import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseBefore, migrateRest } from '../fixtures/migrated-before';

// 0022 makes e-waybill accounts unique per (carrier, platform) and lets both tables hold PDD:
// the accounts and numbers that existed before keep their ids, credentials and states, and the
// numbers still point at their accounts.
describe('migration 0022: e-waybill platforms', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'packdesk-mig22-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every account and waybill, then takes a PDD account beside the Cainiao one', () => {
    const db = databaseBefore(dir, '0022');
    db.prepare(
      `insert into channels (code, kind, name, currency, enabled, created_at, updated_at) values ('pdd', 'pdd', 'PDD', 'CNY', 1, 1, 1)`,
    ).run();
    const order = db.prepare(
      `insert into orders (channel_id, external_id, placed_at, source_updated_at, currency, total_minor, created_at, updated_at)
       values (1, ?, 0, 0, 'CNY', 0, 0, 0)`,
    );
    order.run('P-1');
    order.run('P-2');
    const account = db.prepare(
      `insert into waybill_accounts (carrier, cp_code, template_url, sender_json, secret_backend, secret_ciphertext, created_at, updated_at)
       values (?, ?, 'http://cloudprint.cainiao.com/template/standard/101', '{}', 'test', ?, 1, 1)`,
    );
    account.run('ZTO', 'ZTO', Buffer.from('sealed-zto'));
    account.run('YTO', 'YTO', null);
    // Before 0022 a second account of a carrier was refused.
    expect(() => account.run('ZTO', 'ZTO', null)).toThrow(/UNIQUE/);
    const waybill = db.prepare(
      `insert into waybills (order_id, account_id, carrier, platform, cp_code, package_id, waybill_code, state, created_at, updated_at)
       values (?, ?, ?, 'cainiao', ?, ?, ?, ?, 1, 1)`,
    );
    waybill.run(1, 1, 'ZTO', 'ZTO', 'PD1_1', '731234567890', 'active');
    waybill.run(2, 2, 'YTO', 'YTO', 'PD2_1', null, 'pending');

    migrateRest(db);
    expect(
      db
        .prepare(
          'select id, carrier, platform, cp_code as cp, cast(secret_ciphertext as text) as secret from waybill_accounts order by id',
        )
        .all(),
    ).toEqual([
      { id: 1, carrier: 'ZTO', platform: 'cainiao', cp: 'ZTO', secret: 'sealed-zto' },
      { id: 2, carrier: 'YTO', platform: 'cainiao', cp: 'YTO', secret: null },
    ]);
    expect(
      db
        .prepare('select id, order_id as o, account_id as a, waybill_code as code, state from waybills')
        .all(),
    ).toEqual([
      { id: 1, o: 1, a: 1, code: '731234567890', state: 'active' },
      { id: 2, o: 2, a: 2, code: null, state: 'pending' },
    ]);
    // A PDD account beside the Cainiao one; still one account per carrier and platform.
    db.prepare(
      `insert into waybill_accounts (carrier, platform, cp_code, template_url, sender_json, created_at, updated_at)
       values ('ZTO', 'pdd', 'ZTO', 'https://file-link.pinduoduo.com/zto_one', '{}', 2, 2)`,
    ).run();
    expect(() =>
      db
        .prepare(
          `insert into waybill_accounts (carrier, platform, cp_code, template_url, sender_json, created_at, updated_at)
           values ('ZTO', 'pdd', 'ZTO', 'x', '{}', 2, 2)`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          `insert into waybill_accounts (carrier, platform, cp_code, template_url, sender_json, created_at, updated_at)
           values ('SF', 'jd', 'SF', 'x', '{}', 2, 2)`,
        )
        .run(),
    ).toThrow(/CHECK/);
    // A waybill without an account may only be a failed (or closed) one.
    const noAccount = db.prepare(
      `insert into waybills (order_id, account_id, carrier, platform, cp_code, package_id, state, created_at, updated_at)
       values (2, null, 'ZTO', 'pdd', 'ZTO', ?, ?, 3, 3)`,
    );
    expect(() => noAccount.run('PD2_9', 'pending')).toThrow(/CHECK/);
    db.prepare(`update waybills set state = 'cancelled' where id = 2`).run();
    noAccount.run('PD2_2', 'failed');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
