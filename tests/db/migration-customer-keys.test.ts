import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseBefore, migrateRest } from '../fixtures/migrated-before';

// 0026 stores customer keys by (kind, key) without a row id: every key keeps its profile, a key
// is still one profile's only, deleting a profile still takes its keys, and merges still move them.
describe('migration 0026: customer keys without row ids', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'packdesk-mig26-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every key with its profile and the rules keys had', () => {
    const db = databaseBefore(dir, '0026');
    const customer = db.prepare(
      `insert into customers (name, phone, created_at, updated_at) values (?, ?, 1, 1)`,
    );
    customer.run('张三', '13812345678');
    customer.run('李四', null);
    const key = db.prepare('insert into customer_keys (customer_id, kind, key) values (?, ?, ?)');
    key.run(1, 'phone', '13812345678');
    key.run(1, 'name_address', '张三|CN|广东省深圳市南山区粤海街道科技园1号');
    key.run(2, 'email', 'li@example.com');
    key.run(2, 'buyer', '1:li-si');

    migrateRest(db);
    const keys = () =>
      db.prepare('select customer_id as id, kind, key from customer_keys order by kind, key').all();
    expect(keys()).toEqual([
      { id: 2, kind: 'buyer', key: '1:li-si' },
      { id: 2, kind: 'email', key: 'li@example.com' },
      { id: 1, kind: 'name_address', key: '张三|CN|广东省深圳市南山区粤海街道科技园1号' },
      { id: 1, kind: 'phone', key: '13812345678' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // One profile per key.
    expect(() => key.run(2, 'phone', '13812345678')).toThrow(/UNIQUE|PRIMARY KEY/);
    // A key names a profile that exists.
    expect(() => key.run(99, 'phone', '13900000000')).toThrow(/FOREIGN KEY/);
    // A merge moves the younger profile's keys; deleting it then leaves the older one whole.
    db.prepare('update or ignore customer_keys set customer_id = ? where customer_id = ?').run(1, 2);
    db.prepare('delete from customers where id = 2').run();
    expect(keys()).toHaveLength(4);
    // Deleting a profile takes its keys with it.
    db.prepare('delete from customers where id = 1').run();
    expect(keys()).toEqual([]);
  });
});
