import { spawnSync } from 'node:child_process';
import { aCore, value } from '../fixtures/core';
import { approvedOrders, aRoutingWorld, line, shanghai } from '../fixtures/routing';

describe('packdesk route run', () => {
  test('allocates approved orders and prints one JSON document', async () => {
    const core = aCore();
    try {
      await aRoutingWorld(core);
      await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 2 }] }));
      const ids = await approvedOrders(core, [{ ...shanghai, lines: [line('TEE', 2)] }, { ...shanghai, lines: [line('TEE', 1)] }, { ...shanghai, lines: [line('NOPE')] }]);
      core.close();
      const r = spawnSync(process.execPath, ['bin/packdesk.cjs', '--db', core.dbPath, '--json', 'route', 'run'], { encoding: 'utf8', env: { ...process.env, PACKDESK_QUIET: '1' } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc).toMatchObject({ considered: 3, allocated: 1, backordered: 1, exception: 1, backorderedIds: [ids[1]], exceptionIds: [ids[2]] });
      const again = spawnSync(process.execPath, ['bin/packdesk.cjs', '--db', core.dbPath, 'route', 'run'], { encoding: 'utf8' });
      expect(again.stdout).toMatch(/Routed 0 approved orders/);
      const bad = spawnSync(process.execPath, ['bin/packdesk.cjs', '--db', core.dbPath, 'route', 'walk'], { encoding: 'utf8' });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/unknown subcommand "route walk"/);
    } finally {
      core.dispose();
    }
  }, 60_000);
});
