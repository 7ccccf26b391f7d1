import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src-main/compose';
import { aCore, value } from '../fixtures/core';
import { approvedOrders, aRoutingWorld, line, shanghai } from '../fixtures/routing';

const aCoreAt = (dbPath: string) => createCore({ dbPath });

describe('packdesk route', () => {
  test('allocates approved orders and prints one JSON document', async () => {
    const core = aCore();
    try {
      await aRoutingWorld(core);
      await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 2 }] }));
      const ids = await approvedOrders(core, [
        { ...shanghai, lines: [line('TEE', 2)] },
        { ...shanghai, lines: [line('TEE', 1)] },
        { ...shanghai, lines: [line('NOPE')] },
      ]);
      core.close();
      const r = spawnSync(
        process.execPath,
        ['bin/packdesk.cjs', '--db', core.dbPath, '--json', 'route', 'run'],
        { encoding: 'utf8', env: { ...process.env, PACKDESK_QUIET: '1' } },
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc).toMatchObject({
        considered: 3,
        allocated: 1,
        backordered: 1,
        exception: 1,
        backorderedIds: [ids[1]],
        exceptionIds: [ids[2]],
      });
      const again = spawnSync(process.execPath, ['bin/packdesk.cjs', '--db', core.dbPath, 'route', 'run'], {
        encoding: 'utf8',
      });
      expect(again.stdout).toMatch(/Routed 0 approved orders/);
      const bad = spawnSync(process.execPath, ['bin/packdesk.cjs', '--db', core.dbPath, 'route', 'walk'], {
        encoding: 'utf8',
      });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/unknown subcommand "route walk"/);
    } finally {
      core.dispose();
    }
  }, 60_000);

  test('route rates imports a CSV, and a bad file lists every row/column problem and imports nothing', async () => {
    const core = aCore();
    try {
      await aRoutingWorld(core);
      const before = core.ctx.sqlite.prepare('select count(*) as n from carrier_rates').get();
      core.close();
      const good = join(core.dir, 'good.csv');
      const bad = join(core.dir, 'bad.csv');
      const header =
        'carrier,zone,max_weight_kg,first_weight_kg,first_price,additional_weight_kg,additional_price,remote_surcharge,transit_days,currency';
      writeFileSync(good, `${header}\nZTO,national,30,1,9.00,1,3.00,,3,CNY\n`);
      writeFileSync(
        bad,
        `${header}\nZTO,national,30,1,9.00,1,3.00,,3,CNY\nZTO,nowhere,30,1,9.00,1,3.00,,3,CNY\nZTO,region,30,1,-1,1,3.00,,x,CNY\n`,
      );
      const refused = spawnSync(
        process.execPath,
        ['bin/packdesk.cjs', '--db', core.dbPath, 'route', 'rates', bad],
        { encoding: 'utf8' },
      );
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('row 3.zone');
      expect(refused.stderr).toContain('row 4.transit_days');
      const check = aCoreAt(core.dbPath);
      expect(check.ctx.sqlite.prepare('select count(*) as n from carrier_rates').get()).toEqual(before);
      check.close();
      const r = spawnSync(
        process.execPath,
        ['bin/packdesk.cjs', '--db', core.dbPath, '--json', 'route', 'rates', good],
        { encoding: 'utf8' },
      );
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ imported: 1, carriers: ['ZTO'] });
    } finally {
      core.dispose();
    }
  }, 60_000);
});
